using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Savings;

/// <summary>
/// A listed service with no bill line in the last two complete months; <see cref="ExpectedMonthly"/> is its <c>/services</c>
/// price when it renews monthly, null (unknown) otherwise; <see cref="LastBilledMonth"/> null: never billed.
/// </summary>
public sealed record UnbilledService(ResourceType Type, string Service, string? Name, Money? ExpectedMonthly, string? LastBilledMonth);

/// <summary>
/// Dedicated servers, VPS and NetApp volumes renew every month, so each has a line every month; cloud projects (free
/// when unused), domains and other yearly services are not checked. A service ended or expired (OVH no longer renews it)
/// or created since the first of the two months is not reported.
/// </summary>
public sealed class UnbilledInventoryFinder(IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyList<UnbilledService>> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await context.ReadAccountSettingsAsync(cancellationToken);
        var zone = AccountTimeZone.Find(settings.TimeZoneId);
        var latest = BillingMonth.Previous(BillingMonth.Of(time.GetUtcNow(), zone));
        var months = new[] { BillingMonth.Previous(latest), latest };
        var firstDay = BillingMonth.Days(months[0]).First;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

        var listed = (await context.DedicatedServers.AsNoTracking().Select(s => new { s.Name, s.DisplayName }).ToListAsync(cancellationToken))
            .Select(s => (ResourceType.DedicatedServer, s.Name, s.DisplayName))
            .Concat((await context.Vps.AsNoTracking().Select(v => new { v.Name, v.DisplayName }).ToListAsync(cancellationToken))
                .Select(v => (ResourceType.Vps, v.Name, v.DisplayName)))
            .Concat((await context.NetAppStorages.AsNoTracking().Select(n => new { n.Id, n.Name }).ToListAsync(cancellationToken))
                .Select(n => (ResourceType.Storage, n.Id, (string?)n.Name)))
            .ToList();
        var renewals = (await context.ServiceRenewals.AsNoTracking().ToListAsync(cancellationToken))
            .ToDictionary(s => s.ServiceName, StringComparer.OrdinalIgnoreCase);
        var names = listed.Select(l => l.Item2).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lastBilled = (await context.BillLines.AsNoTracking().Select(l => new { l.Domain, l.BillingMonth }).ToListAsync(cancellationToken))
            .GroupBy(l => BilledButNotThereFinder.ServiceOf(l.Domain, names), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Max(l => l.BillingMonth)!, StringComparer.OrdinalIgnoreCase);

        bool StillRenewed(ServiceRenewal? renewal) => renewal is null
            || (renewal.Status is not ("expired" or "terminated")
                && !(renewal.DeleteAtExpiration && renewal.ExpiresOn < today)
                && !(renewal.CreatedOn >= firstDay));

        return listed
            .Where(l => StillRenewed(renewals.GetValueOrDefault(l.Item2)))
            .Where(l => !lastBilled.TryGetValue(l.Item2, out var month) || string.CompareOrdinal(month, months[0]) < 0)
            .Select(l =>
            {
                var renewal = renewals.GetValueOrDefault(l.Item2);
                var monthly = renewal?.RenewalPeriodMonths is null or 1 ? renewal?.RenewalPrice : null;
                return new UnbilledService(l.Item1, l.Item2, l.Item3, monthly, lastBilled.GetValueOrDefault(l.Item2));
            })
            .OrderByDescending(u => u.ExpectedMonthly?.Ucents ?? -1).ThenBy(u => u.Service, StringComparer.Ordinal)
            .ToList();
    }
}

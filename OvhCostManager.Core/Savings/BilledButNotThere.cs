using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Core.Savings;

public enum BilledButNotThereKind
{
    /// <summary>A line billed on a day after the end of a service set to end (deleteAtExpiration) or terminated.</summary>
    BilledAfterEnd,

    /// <summary>A dedicated server, VPS or cloud project billed in the latest complete month that no inventory lists.</summary>
    NotInInventory,
}

/// <summary>
/// A service billed though the account no longer (or never) holds it. <see cref="Service"/> is the service part of the
/// lines' <c>domain</c> (before any <c>/</c>: <c>pcc-…/host/1004</c> bills <c>pcc-…</c>); <see cref="Billed"/> is what its
/// lines of <see cref="Month"/> charge: the lines after its end, or those of the latest complete month.
/// </summary>
public sealed record BilledService(BilledButNotThereKind Kind, string Service, DateOnly? EndedOn, string Month, Money Billed, int Lines);

public sealed record BilledButNotThereFindings(IReadOnlyList<BilledService> Items, string? Month)
{
    public Money MonthlyTotal => Money.Sum(Items.Select(i => i.Billed));
}

/// <summary>
/// Reconciles bill lines with the inventory. Billed after its end: a line whose bill is dated (account time zone) after the
/// expiry of a service that was to end then (<c>deleteAtExpiration</c>) or is <c>terminated</c> — an expiry passed alone is
/// not an end, as OVH bills a late manual renewal after it. Not in the inventory: in the latest complete billed month, a
/// line that names a dedicated server, a VPS or a cloud project (by its shape) no listing — servers, VPS, NetApp, projects,
/// <c>/services</c> — holds; other kinds (licences, support, vRack, Veeam) have no listing of their own to compare with.
/// </summary>
public sealed class BilledButNotThereFinder(IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    private static readonly ResourceType[] ListedKinds = [ResourceType.DedicatedServer, ResourceType.Vps, ResourceType.CloudProject];

    public async Task<BilledButNotThereFindings> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await context.ReadAccountSettingsAsync(cancellationToken);
        var zone = AccountTimeZone.Find(settings.TimeZoneId);
        var lines = await context.BillLines.AsNoTracking()
            .Select(l => new { l.Domain, l.Total, l.ResourceType, l.BillingMonth, l.Bill!.DateUtc })
            .ToListAsync(cancellationToken);
        var ended = (await context.ServiceRenewals.AsNoTracking()
                .Where(s => s.ExpiresOn != null && (s.DeleteAtExpiration || s.Status == "terminated"))
                .Select(s => new { s.ServiceName, s.ExpiresOn }).ToListAsync(cancellationToken))
            .ToDictionary(s => s.ServiceName, s => s.ExpiresOn!.Value, StringComparer.OrdinalIgnoreCase);
        var listed = (await context.DedicatedServers.Select(s => s.Name).ToListAsync(cancellationToken))
            .Concat(await context.Vps.Select(v => v.Name).ToListAsync(cancellationToken))
            .Concat(await context.NetAppStorages.Select(n => n.Id).ToListAsync(cancellationToken))
            // A project deleted last month still gets its last consumption line: it counts as listed.
            .Concat(await context.CloudProjects.Select(p => p.Id).ToListAsync(cancellationToken))
            .Concat(await context.ServiceRenewals.Select(s => s.ServiceName).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var billed = lines.Select(l => (Service: ServiceOf(l.Domain, listed), l.Total, l.ResourceType, l.BillingMonth,
            Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(l.DateUtc, zone).DateTime))).ToList();
        var afterEnd = billed
            .Where(l => ended.TryGetValue(l.Service, out var end) && l.Day > end)
            .GroupBy(l => l.Service, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var month = g.Max(l => l.BillingMonth)!;
                var ofMonth = g.Where(l => l.BillingMonth == month).ToList();
                return new BilledService(BilledButNotThereKind.BilledAfterEnd, g.Key, ended[g.Key], month, Money.Sum(ofMonth.Select(l => l.Total)), ofMonth.Count);
            });

        var latest = BillingMonth.Previous(BillingMonth.Of(time.GetUtcNow(), zone));
        var unlisted = billed
            .Where(l => l.BillingMonth == latest && ListedKinds.Contains(l.ResourceType) && !listed.Contains(l.Service))
            .GroupBy(l => l.Service, StringComparer.OrdinalIgnoreCase)
            .Select(g => new BilledService(BilledButNotThereKind.NotInInventory, g.Key, null, latest, Money.Sum(g.Select(l => l.Total)), g.Count()));

        var items = afterEnd.Concat(unlisted).OrderByDescending(i => i.Billed.Ucents).ThenBy(i => i.Service, StringComparer.Ordinal).ToList();
        return new BilledButNotThereFindings(items, latest);
    }

    /// <summary>
    /// The service a line's <c>domain</c> bills: itself when a listing names it (an IP block <c>ip-…/29</c>), else the part
    /// before its first <c>/</c> (<c>pcc-…/managementfee</c>).
    /// </summary>
    public static string ServiceOf(string domain, IReadOnlySet<string> listed)
    {
        var trimmed = domain.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 || listed.Contains(trimmed) ? trimmed : trimmed[..slash];
    }
}

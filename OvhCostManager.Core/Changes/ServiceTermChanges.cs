using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Changes;

public enum ServiceTermChangeKind
{
    Renewed,
    Expiring,
    Expired,
}

/// <summary>
/// A service whose expiry moved forward between the two days (renewed), came within <see cref="ExpiringDays"/>
/// days of the day examined (expiring), or passed (expired). <see cref="Price"/> is what the service's latest bill charged
/// for it (its lines there), the price of a renewal; null when no bill line names it.
/// </summary>
public sealed record ServiceTermChange(string Key, ServiceTermChangeKind Kind, string ServiceName, DateOnly? From, DateOnly? ExpiresOn, Money? Price)
{
    public const int ExpiringDays = 7;
}

/// <summary>Compares the services' expiries of two days' <c>resource_days</c> rows.</summary>
internal static class ServiceTermChanges
{
    public static async Task<IReadOnlyList<ServiceTermChange>> BetweenAsync(CostDbContext context, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await context.ResourceDays.Where(r => r.Kind == ResourceDayKind.Service && (r.Day == from || r.Day == to))
            .Select(r => new { r.Day, r.InstanceId, r.ExpiresOn }).ToListAsync(cancellationToken);
        var before = rows.Where(r => r.Day == from).ToDictionary(r => r.InstanceId, r => r.ExpiresOn, StringComparer.Ordinal);
        bool Near(DateOnly? expiry, DateOnly day) => expiry is { } e && e >= day && e <= day.AddDays(ServiceTermChange.ExpiringDays);

        var found = new List<(ServiceTermChangeKind Kind, string Name, DateOnly? From, DateOnly? To)>();
        foreach (var now in rows.Where(r => r.Day == to))
        {
            var known = before.TryGetValue(now.InstanceId, out var was);
            ServiceTermChangeKind? kind = now.ExpiresOn switch
            {
                { } e when known && was is { } w && e > w => ServiceTermChangeKind.Renewed,
                { } e when Near(e, to) && !(known && Near(was, from)) => ServiceTermChangeKind.Expiring,
                { } e when e < to && known && was is { } w && w >= from && w == e => ServiceTermChangeKind.Expired,
                _ => null,
            };
            if (kind is { } k) found.Add((k, now.InstanceId, known ? was : null, now.ExpiresOn));
        }

        if (found.Count == 0) return [];
        var names = found.Select(f => f.Name).ToList();
        var lines = await context.BillLines.Where(l => names.Contains(l.Domain))
            .Select(l => new { l.Domain, l.BillId, l.Bill!.DateUtc, l.Total }).ToListAsync(cancellationToken);
        var prices = lines.GroupBy(l => l.Domain, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        {
            var latest = g.MaxBy(l => (l.DateUtc, l.BillId))!.BillId;
            return Money.Sum(g.Where(l => l.BillId == latest).Select(l => l.Total));
        }, StringComparer.Ordinal);
        return found
            .Select(f => new ServiceTermChange($"{f.Kind.ToString().ToLowerInvariant()}:{f.Name}:{f.To:yyyy-MM-dd}", f.Kind, f.Name, f.From, f.To,
                prices.TryGetValue(f.Name, out var price) ? price : null))
            .OrderBy(c => c.Kind).ThenByDescending(c => c.Price?.Ucents ?? -1).ThenBy(c => c.ServiceName, StringComparer.Ordinal).ToList();
    }
}

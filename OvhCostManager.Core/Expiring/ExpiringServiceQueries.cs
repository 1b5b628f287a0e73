using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Expiring;

/// <summary>A service whose current period ends soon; <see cref="DaysLeft"/> counts from today in the account time zone.</summary>
public sealed record ExpiringService(string ServiceName, string DisplayName, ResourceType Type, DateOnly ExpiresOn, int DaysLeft, RenewalMode RenewalMode);

/// <summary>
/// Services expiring within a window, from <c>service_renewals</c> (every OVH service) completed by the inventory
/// tables (servers, VPS, NetApp) for names and for services without a renewal row. Already expired services are not
/// listed (the old tool kept them forever).
/// </summary>
public sealed class ExpiringServiceQueries(IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    public const int DefaultWindowDays = 30;

    /// <summary>Services expiring from today to today + <paramref name="withinDays"/>, soonest first.</summary>
    public async Task<IReadOnlyList<ExpiringService>> GetAsync(int withinDays = DefaultWindowDays, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(withinDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(db, cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var until = today.AddDays(withinDays);

        var found = new Dictionary<string, ExpiringService>(StringComparer.Ordinal);
        void Add(string name, string? display, ResourceType type, DateOnly? expires, RenewalMode mode)
        {
            if (expires is { } date && date >= today && date <= until && !found.ContainsKey(name))
            {
                found[name] = new ExpiringService(name, string.IsNullOrWhiteSpace(display) ? name : display, type, date, date.DayNumber - today.DayNumber, mode);
            }
        }

        var servers = await db.DedicatedServers.Select(s => new { s.Name, s.DisplayName, s.ExpiresOn, s.RenewalMode }).ToListAsync(cancellationToken);
        var vps = await db.Vps.Select(s => new { s.Name, s.DisplayName, s.ExpiresOn, s.RenewalMode }).ToListAsync(cancellationToken);
        var storages = await db.NetAppStorages.Select(s => new { s.Id, s.Name, s.ExpiresOn, s.RenewalMode }).ToListAsync(cancellationToken);
        var displayNames = servers.Select(s => (s.Name, s.DisplayName)).Concat(vps.Select(v => (v.Name, v.DisplayName)))
            .Concat(storages.Select(s => (Name: s.Id, DisplayName: (string?)s.Name)))
            .GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.Ordinal);

        var renewals = await db.ServiceRenewals.Where(r => r.ExpiresOn != null && r.ExpiresOn >= today && r.ExpiresOn <= until)
            .Select(r => new { r.ServiceName, r.ResourceType, r.ExpiresOn, r.RenewalMode }).ToListAsync(cancellationToken);
        foreach (var r in renewals)
        {
            Add(r.ServiceName, displayNames.GetValueOrDefault(r.ServiceName), r.ResourceType, r.ExpiresOn, r.RenewalMode);
        }

        foreach (var s in servers)
        {
            Add(s.Name, s.DisplayName, ResourceType.DedicatedServer, s.ExpiresOn, s.RenewalMode);
        }

        foreach (var v in vps)
        {
            Add(v.Name, v.DisplayName, ResourceType.Vps, v.ExpiresOn, v.RenewalMode);
        }

        foreach (var s in storages)
        {
            Add(s.Id, s.Name, ResourceType.Storage, s.ExpiresOn, s.RenewalMode);
        }

        return found.Values.OrderBy(s => s.ExpiresOn).ThenBy(s => s.DisplayName, StringComparer.Ordinal).ToList();
    }
}

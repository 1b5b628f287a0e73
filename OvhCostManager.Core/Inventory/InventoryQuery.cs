using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Inventory;

/// <summary>
/// Reads the Inventory tab. A service's cost in a month is the sum of that month's bill lines mapped to its service
/// name (<see cref="BillLine.ResourceKey"/>, or the line's OVH <c>domain</c> when the classifier left it unset):
/// OVH bill lines carry the billed service's name in <c>domain</c>.
/// </summary>
public sealed class InventoryQuery(IDbContextFactory<CostDbContext> contexts, CostLedger ledger, TimeProvider time)
{
    /// <summary>The latest month with a stored bill, or null on an empty store.</summary>
    public async Task<string?> GetLatestBilledMonthAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.Bills.OrderByDescending(b => b.BillingMonth).Select(b => b.BillingMonth).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every service of the inventory with its cost in <paramref name="month"/> (<c>YYYY-MM</c>).</summary>
    public async Task<InventoryView> GetAsync(string month, CostLens lens = CostLenses.Default, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await context.ReadAccountSettingsAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

        var entries = (await ledger.GetMonthAsync(month, lens, cancellationToken)).Entries;
        var costs = entries.GroupBy(e => e.ResourceKey ?? e.ServiceName)
            .ToDictionary(g => g.Key, g => (Cost: Money.Sum(g.Select(e => e.Amount)), Lines: g.Count()), StringComparer.Ordinal);
        var renewals = await context.ServiceRenewals.ToDictionaryAsync(r => r.ServiceName, StringComparer.Ordinal, cancellationToken);

        InventoryService Row(ResourceType type, string key, string name, string? location, ServiceSpecs specs, string? state, DateOnly? expires, RenewalMode mode)
        {
            renewals.TryGetValue(key, out var renewal);
            expires ??= renewal?.ExpiresOn;
            if (mode == RenewalMode.Unknown && renewal is not null)
            {
                mode = renewal.RenewalMode;
            }

            var (cost, lines) = costs.GetValueOrDefault(key);
            return new InventoryService(type, key, name, location, specs, state, expires, mode, AlertOf(expires, today), cost, lines);
        }

        var servers = (await context.DedicatedServers.ToListAsync(cancellationToken))
            .Select(s => Row(ResourceType.DedicatedServer, s.Name, s.DisplayName ?? s.Name, s.Datacenter ?? s.Region,
                new ServiceSpecs(s.Offer ?? s.CommercialRange, s.CpuSummary, null, s.MemoryMb, s.DiskSummary, null, s.GpuModel, null, null),
                s.State, s.ExpiresOn, s.RenewalMode))
            .OrderByDescending(s => s.MonthCost).ThenBy(s => s.DisplayName, StringComparer.Ordinal).ToList();
        var vps = (await context.Vps.ToListAsync(cancellationToken))
            .Select(v => Row(ResourceType.Vps, v.Name, v.DisplayName ?? v.Name, v.Zone,
                new ServiceSpecs(v.Model ?? v.Offer, null, v.Vcores, v.MemoryMb, null, v.DiskGb, null, null, null),
                v.State, v.ExpiresOn, v.RenewalMode))
            .OrderByDescending(s => s.MonthCost).ThenBy(s => s.DisplayName, StringComparer.Ordinal).ToList();
        var storage = (await context.NetAppStorages.ToListAsync(cancellationToken))
            .Select(n => Row(ResourceType.Storage, n.Id, string.IsNullOrEmpty(n.Name) ? n.Id : n.Name, n.Region,
                new ServiceSpecs(n.PerformanceLevel ?? n.Product, null, null, null, null, null, null, n.SizeBytes, n.SharesCount),
                n.Status, n.ExpiresOn, n.RenewalMode))
            .OrderByDescending(s => s.MonthCost).ThenBy(s => s.DisplayName, StringComparer.Ordinal).ToList();

        var instances = (await context.CloudInstances.ToListAsync(cancellationToken))
            .Select(i => (i.ProjectId, Row: ToInstanceRow(i)))
            .GroupBy(i => i.ProjectId)
            .ToDictionary(g => g.Key, g => new { Count = g.Count(), Gpu = g.Count(i => i.Row.IsGpu) });
        var projects = (await context.CloudProjects.ToListAsync(cancellationToken))
            .Select(p =>
            {
                var (cost, lines) = costs.GetValueOrDefault(p.Id);
                var counts = instances.GetValueOrDefault(p.Id);
                return new InventoryCloudProject(p.Id, p.Name, p.Status, counts?.Count ?? 0, counts?.Gpu ?? 0, p.RemovedAtUtc is not null, cost, lines);
            })
            .Where(p => !p.Removed || p.LineCount > 0)
            .OrderByDescending(p => p.MonthCost).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

        var familyCosts = entries.GroupBy(e => e.Family).ToDictionary(g => g.Key, g => Money.Sum(g.Select(e => e.Amount)));

        // "Other" services (domains, IPs, load balancers...) have no inventory endpoint: they are those /services
        // lists and those billed this month, listed once.
        var otherTypes = Enum.GetValues<ResourceType>().Where(t => CostFamilies.Of(t) == CostFamily.Other).ToList();
        var otherBilled = entries.Where(e => e.Family == CostFamily.Other && (e.ResourceKey ?? e.ServiceName) != "")
            .GroupBy(e => e.ResourceKey ?? e.ServiceName)
            .Select(g => new { Key = g.Key, Type = g.Min(e => e.Type) })
            .ToList();
        var others = renewals.Values.Where(r => otherTypes.Contains(r.ResourceType)).Select(r => (Key: r.ServiceName, Type: r.ResourceType))
            .Concat(otherBilled.Select(b => (Key: b.Key, Type: b.Type)))
            .DistinctBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => Row(o.Type, o.Key, o.Key, null, NoSpecs, null, null, RenewalMode.Unknown))
            .OrderByDescending(s => s.MonthCost).ThenBy(s => s.DisplayName, StringComparer.Ordinal).ToList();
        var counts = new Dictionary<CostFamily, int>
        {
            [CostFamily.Cloud] = projects.Count(p => !p.Removed),
            [CostFamily.Dedicated] = servers.Count,
            [CostFamily.Vps] = vps.Count,
            [CostFamily.Storage] = storage.Count,
            [CostFamily.Other] = others.Count,
        };
        var families = Enum.GetValues<CostFamily>()
            .Select(f => new FamilySummary(f, counts[f], familyCosts.GetValueOrDefault(f)))
            .ToList();

        return new InventoryView(month, settings.Currency, today, servers, vps, storage, others, projects, families);
    }

    /// <summary>A project's instances, quotas per region (regions in use first) and its consumption per resource type in the month.</summary>
    public async Task<CloudProjectDetail> GetCloudProjectAsync(string projectId, string month, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var instances = (await context.CloudInstances.Where(i => i.ProjectId == projectId).ToListAsync(cancellationToken))
            .Select(ToInstanceRow)
            .OrderByDescending(i => i.IsGpu).ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
        var quotas = (await context.CloudQuotas.Where(q => q.ProjectId == projectId).ToListAsync(cancellationToken))
            .Select(q => new CloudQuotaRow(q.Region, q.UsedInstances, q.MaxInstances, q.UsedCores, q.MaxCores, q.UsedRamMb, q.MaxRamMb))
            .OrderByDescending(q => q.UsedCores + q.UsedInstances).ThenBy(q => q.Region, StringComparer.Ordinal)
            .ToList();
        var usage = (await context.CloudProjectUsage
                .Where(u => u.ProjectId == projectId && u.Month == month)
                .Select(u => new { u.Kind, u.ResourceType, u.Amount })
                .ToListAsync(cancellationToken))
            .GroupBy(u => u.Kind).OrderByDescending(g => g.Key == CloudUsageKind.History).FirstOrDefault()?
            .GroupBy(u => u.ResourceType)
            .Select(g => new ResourceTypeCost(g.Key, Money.Sum(g.Select(u => u.Amount))))
            .OrderByDescending(r => r.Amount).ThenBy(r => r.ResourceType, StringComparer.Ordinal)
            .ToList() ?? [];
        return new CloudProjectDetail(projectId, instances, quotas, usage);
    }

    private static readonly ServiceSpecs NoSpecs = new(null, null, null, null, null, null, null, null, null);

    private static CloudInstanceRow ToInstanceRow(CloudInstance i) =>
        new(i.Name, i.Flavor, i.Region, i.Status, i.MonthlyBilling, i.IsGpu, i.GpuModel);

    /// <summary>Expired before today; due within 7 or 30 days (inclusive) of today, in the account time zone.</summary>
    public static ExpiryAlert AlertOf(DateOnly? expiresOn, DateOnly today) => expiresOn switch
    {
        null => ExpiryAlert.None,
        { } d when d < today => ExpiryAlert.Expired,
        { } d when d <= today.AddDays(7) => ExpiryAlert.Within7Days,
        { } d when d <= today.AddDays(30) => ExpiryAlert.Within30Days,
        _ => ExpiryAlert.None,
    };
}

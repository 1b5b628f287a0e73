using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Core.Savings;

public enum LeftoverKind
{
    /// <summary>A volume attached to no instance of its project.</summary>
    DetachedVolume,

    /// <summary>A volume snapshot whose volume no longer exists.</summary>
    OrphanSnapshot,

    /// <summary>A failover IP routed to no instance of its project.</summary>
    UnroutedFailoverIp,
}

/// <summary>
/// A Public Cloud resource still billed though nothing uses it. <see cref="MonthlyPrice"/> is the catalogue's hourly price
/// (per GB for storage) over a 730-hour month, or its monthly price; null when the catalogue has no price for it.
/// </summary>
public sealed record CloudLeftover(LeftoverKind Kind, string ProjectId, string ProjectName, string Id, string Name, string? Region,
    long? SizeGb, string? Detail, Money? MonthlyPrice);

public sealed record CloudLeftovers(IReadOnlyList<CloudLeftover> Items, Money MonthlyTotal)
{
    public int Unpriced => Items.Count(i => i.MonthlyPrice is null);
}

/// <summary>Finds the leftovers in the stored volumes, snapshots and failover IPs of live projects, most expensive first.</summary>
public sealed class CloudLeftoverFinder(IDbContextFactory<CostDbContext> contexts)
{
    /// <summary>Plan code of a failover IP in the catalogue.</summary>
    public const string FailoverIpPlan = "failover-ip.monthly.postpaid";

    public async Task<CloudLeftovers> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var prices = await CatalogPrices.ReadAsync(context, cancellationToken);
        var projects = await context.CloudProjects.AsNoTracking().Where(p => p.RemovedAtUtc == null).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var instances = (await context.CloudInstances.AsNoTracking().Select(i => new { i.ProjectId, i.InstanceId }).ToListAsync(cancellationToken))
            .Select(i => (i.ProjectId, i.InstanceId)).ToHashSet();
        var volumes = (await context.CloudVolumes.AsNoTracking().ToListAsync(cancellationToken)).Where(v => projects.ContainsKey(v.ProjectId)).ToList();
        var volumeIds = volumes.Select(v => (v.ProjectId, v.VolumeId)).ToHashSet();
        var snapshots = (await context.CloudVolumeSnapshots.AsNoTracking().ToListAsync(cancellationToken)).Where(s => projects.ContainsKey(s.ProjectId));
        var ips = (await context.CloudFailoverIps.AsNoTracking().ToListAsync(cancellationToken)).Where(ip => projects.ContainsKey(ip.ProjectId));

        Money? PerGbMonth(string planCode, long sizeGb) =>
            prices.PerHour(planCode) is { } hourly ? new Money(checked(hourly.Ucents * sizeGb * CatalogPrices.HoursPerMonth)) : null;

        var items = volumes
            .Where(v => !v.AttachedTo.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(id => instances.Contains((v.ProjectId, id))))
            .Select(v => new CloudLeftover(LeftoverKind.DetachedVolume, v.ProjectId, projects[v.ProjectId], v.VolumeId, v.Name ?? v.VolumeId, v.Region,
                v.SizeGb, v.Type, PerGbMonth($"volume.{v.Type}.consumption", v.SizeGb)))
            .Concat(snapshots.Where(s => !volumeIds.Contains((s.ProjectId, s.VolumeId)))
                .Select(s => new CloudLeftover(LeftoverKind.OrphanSnapshot, s.ProjectId, projects[s.ProjectId], s.SnapshotId, s.Name ?? s.SnapshotId, s.Region,
                    s.SizeGb, s.VolumeId, PerGbMonth(s.PlanCode ?? "snapshot.consumption", s.SizeGb))))
            .Concat(ips.Where(ip => ip.RoutedTo is null || !instances.Contains((ip.ProjectId, ip.RoutedTo)))
                .Select(ip => new CloudLeftover(LeftoverKind.UnroutedFailoverIp, ip.ProjectId, projects[ip.ProjectId], ip.IpId, ip.Ip, ip.Geoloc,
                    null, ip.RoutedTo, prices.PerMonth(FailoverIpPlan))))
            .OrderByDescending(l => l.MonthlyPrice?.Ucents ?? -1).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
        return new CloudLeftovers(items, Money.Sum(items.Select(i => i.MonthlyPrice ?? Money.Zero)));
    }
}

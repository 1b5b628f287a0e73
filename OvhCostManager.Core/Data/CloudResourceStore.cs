using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data;

/// <summary>Writes a cloud project's volumes, snapshots, failover IPs and instance hours, and the public catalogue's prices.</summary>
public sealed class CloudResourceStore(IDbContextFactory<CostDbContext> contextFactory, TimeProvider time)
{
    /// <summary>Replaces everything stored for the project (and its hours of <paramref name="months"/>) in one transaction.</summary>
    public async Task ReplaceProjectAsync(string projectId, IReadOnlyList<CloudVolume> volumes, IReadOnlyList<CloudVolumeSnapshot> snapshots,
        IReadOnlyList<CloudFailoverIp> ips, IReadOnlyList<CloudInstanceHours> hours, IReadOnlyCollection<string> months, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.CloudVolumes.Where(v => v.ProjectId == projectId).ExecuteDeleteAsync(cancellationToken);
        await context.CloudVolumeSnapshots.Where(s => s.ProjectId == projectId).ExecuteDeleteAsync(cancellationToken);
        await context.CloudFailoverIps.Where(ip => ip.ProjectId == projectId).ExecuteDeleteAsync(cancellationToken);
        await context.CloudInstanceHours.Where(h => h.ProjectId == projectId && months.Contains(h.Month)).ExecuteDeleteAsync(cancellationToken);
        context.AddRange(volumes.Select(v => { v.ProjectId = projectId; return v; }));
        context.AddRange(snapshots.Select(s => { s.ProjectId = projectId; return s; }));
        context.AddRange(ips.Select(ip => { ip.ProjectId = projectId; return ip; }));
        context.AddRange(hours.Select(h => { h.ProjectId = projectId; return h; }));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Replaces the stored catalogue prices with <paramref name="prices"/> (one per plan code and interval unit).</summary>
    public async Task ReplaceCatalogAsync(IReadOnlyList<CloudCatalogPrice> prices, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.CloudCatalogPrices.ExecuteDeleteAsync(cancellationToken);
        context.AddRange(prices.Select(p => { p.TakenAtUtc = now; return p; }));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

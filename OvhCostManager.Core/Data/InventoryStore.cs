using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data;

/// <summary>
/// Replaces inventory families (servers, VPS, NetApp, cloud projects and their details, renewals). Each call is one
/// transaction; call it only after the whole OVH listing succeeded, since rows absent from the list are removed.
/// </summary>
public sealed class InventoryStore(IDbContextFactory<CostDbContext> contextFactory, TimeProvider time)
{
    /// <summary>Makes <c>dedicated_servers</c> exactly <paramref name="servers"/>.</summary>
    public Task ReplaceDedicatedServersAsync(IReadOnlyList<DedicatedServer> servers, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var server in servers)
        {
            server.UpdatedAtUtc = now;
        }

        return ReplaceInTransactionAsync(c => c.DedicatedServers, servers, s => s.Name, cancellationToken);
    }

    /// <summary>Makes <c>vps</c> exactly <paramref name="vps"/>.</summary>
    public Task ReplaceVpsAsync(IReadOnlyList<Vps> vps, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var item in vps)
        {
            item.UpdatedAtUtc = now;
        }

        return ReplaceInTransactionAsync(c => c.Vps, vps, v => v.Name, cancellationToken);
    }

    /// <summary>Makes <c>netapp_storages</c> exactly <paramref name="storages"/>.</summary>
    public Task ReplaceNetAppStoragesAsync(IReadOnlyList<NetAppStorage> storages, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var storage in storages)
        {
            storage.UpdatedAtUtc = now;
        }

        return ReplaceInTransactionAsync(c => c.NetAppStorages, storages, s => s.Id, cancellationToken);
    }

    /// <summary>Makes the renewals of one resource type exactly <paramref name="renewals"/>; other types are left alone.</summary>
    public Task ReplaceServiceRenewalsAsync(ResourceType resourceType, IReadOnlyList<ServiceRenewal> renewals, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var renewal in renewals)
        {
            renewal.ResourceType = resourceType;
            renewal.UpdatedAtUtc = now;
        }

        return ReplaceInTransactionAsync(c => c.ServiceRenewals.Where(r => r.ResourceType == resourceType), renewals, r => r.ServiceName, cancellationToken);
    }

    /// <summary>
    /// Upserts the listed projects. A project missing from the list is kept with <see cref="CloudProject.RemovedAtUtc"/>
    /// set, so old bill lines still show its name; its instances and quotas are deleted.
    /// </summary>
    public async Task ReplaceCloudProjectsAsync(IReadOnlyList<CloudProject> projects, CancellationToken cancellationToken = default)
    {
        var incoming = IndexByKey(projects, p => p.Id, "cloud project");
        var now = time.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);

        var existing = await context.CloudProjects.ToListAsync(cancellationToken);
        var existingIds = existing.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in existing.Where(p => !incoming.ContainsKey(p.Id)))
        {
            if (gone.RemovedAtUtc is null)
            {
                gone.RemovedAtUtc = now;
                context.Entry(gone).State = EntityState.Modified;
            }

            await context.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM cloud_instances WHERE ProjectId = {gone.Id}", cancellationToken);
            await context.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM cloud_quotas WHERE ProjectId = {gone.Id}", cancellationToken);
        }

        foreach (var project in projects)
        {
            project.LastSeenAtUtc = now;
            project.RemovedAtUtc = null;
            context.Entry(project).State = existingIds.Contains(project.Id) ? EntityState.Modified : EntityState.Added;
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces, in one transaction, a project's instances and quotas, and its usage rows of the months in
    /// <paramref name="usageMonths"/> (default: the months present in <paramref name="usage"/>). Older months' usage is
    /// kept, unlike the old tool which only ever held the current month.
    /// </summary>
    public async Task ReplaceCloudProjectDetailsAsync(
        string projectId,
        IReadOnlyList<CloudInstance> instances,
        IReadOnlyList<CloudQuota> quotas,
        IReadOnlyList<CloudProjectUsage> usage,
        IReadOnlyCollection<string>? usageMonths = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        foreach (var instance in instances)
        {
            instance.ProjectId = projectId;
        }

        foreach (var quota in quotas)
        {
            quota.ProjectId = projectId;
        }

        var now = time.GetUtcNow();
        foreach (var row in usage)
        {
            row.ProjectId = projectId;
            if (row.TakenAtUtc == default)
            {
                row.TakenAtUtc = now;
            }

            if (string.IsNullOrEmpty(row.Month))
            {
                throw new ArgumentException($"A usage row of project {projectId} has no month.", nameof(usage));
            }
        }

        var months = (usageMonths ?? usage.Select(u => u.Month).ToList()).Distinct(StringComparer.Ordinal).ToList();

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await ReplaceAsync(context, context.CloudInstances.Where(i => i.ProjectId == projectId), instances, i => i.InstanceId, cancellationToken);
        await ReplaceAsync(context, context.CloudQuotas.Where(q => q.ProjectId == projectId), quotas, q => q.Region, cancellationToken);
        foreach (var month in months)
        {
            await context.Database.ExecuteSqlInterpolatedAsync(
                $"DELETE FROM cloud_project_usage WHERE ProjectId = {projectId} AND Month = {month}", cancellationToken);
        }

        foreach (var row in usage)
        {
            context.Entry(row).State = EntityState.Added;
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task ReplaceInTransactionAsync<T>(
        Func<CostDbContext, IQueryable<T>> scope, IReadOnlyList<T> items, Func<T, string> key, CancellationToken cancellationToken)
        where T : class
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await ReplaceAsync(context, scope(context), items, key, cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Marks vanished rows deleted, present ones modified and new ones added; the caller saves.</summary>
    private static async Task ReplaceAsync<T>(CostDbContext context, IQueryable<T> scope, IReadOnlyList<T> items, Func<T, string> key, CancellationToken cancellationToken)
        where T : class
    {
        var incoming = IndexByKey(items, key, typeof(T).Name);
        var existing = await scope.AsNoTracking().ToListAsync(cancellationToken);
        var existingKeys = existing.Select(key).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in existing.Where(e => !incoming.ContainsKey(key(e))))
        {
            context.Entry(gone).State = EntityState.Deleted;
        }

        foreach (var item in items)
        {
            context.Entry(item).State = existingKeys.Contains(key(item)) ? EntityState.Modified : EntityState.Added;
        }
    }

    private static Dictionary<string, T> IndexByKey<T>(IReadOnlyList<T> items, Func<T, string> key, string what)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            if (string.IsNullOrEmpty(k))
            {
                throw new ArgumentException($"A {what} has no identifier.", nameof(items));
            }

            if (!index.TryAdd(k, item))
            {
                throw new ArgumentException($"The {what} '{k}' appears twice in the list.", nameof(items));
            }
        }

        return index;
    }
}

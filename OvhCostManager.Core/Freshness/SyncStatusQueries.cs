using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Freshness;

/// <summary>What the header says about the data: last successful import, whether it is stale, whether there is any data.</summary>
public sealed record DataFreshness(DateTimeOffset? LastSuccessfulSyncUtc, SyncRunStatus? LastRunStatus, string? LastRunError, bool HasBills, int? DaysSinceLastSuccess)
{
    public bool IsStale(int staleAfterDays) => HasBills && (LastSuccessfulSyncUtc is null || DaysSinceLastSuccess > staleAfterDays);
}

/// <summary>Reads the sync history for the dashboard's header (sync status, stale-data banner, empty state).</summary>
public sealed class SyncStatusQueries(IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    public async Task<DataFreshness> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lastSuccess = await db.SyncRuns.Where(r => r.Status == SyncRunStatus.Success && r.FinishedAtUtc != null)
            .OrderByDescending(r => r.FinishedAtUtc).Select(r => r.FinishedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var lastRun = await db.SyncRuns.Where(r => r.Status != SyncRunStatus.Running).OrderByDescending(r => r.Id)
            .Select(r => new { r.Status, r.Error }).FirstOrDefaultAsync(cancellationToken);
        var hasBills = await db.Bills.AnyAsync(cancellationToken);
        int? days = lastSuccess is { } at ? (int)Math.Floor((time.GetUtcNow() - at).TotalDays) : null;
        return new DataFreshness(lastSuccess, lastRun?.Status, lastRun?.Error, hasBills, days);
    }
}

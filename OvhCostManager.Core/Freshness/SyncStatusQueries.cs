using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Freshness;

/// <summary>The last run, when it did not succeed: when it ended, how (Failed or Partial) and why.</summary>
public sealed record SyncFailure(DateTimeOffset FinishedAtUtc, SyncRunStatus Status, SyncFailureReason Reason, string? Error);

/// <summary>
/// What the header says about the data: last successful import, whether it is stale, whether there is any data,
/// and <see cref="LastFailure"/> when the most recent run failed (the data shown is then older than that run).
/// </summary>
public sealed record DataFreshness(DateTimeOffset? LastSuccessfulSyncUtc, SyncFailure? LastFailure, bool HasBills, int? DaysSinceLastSuccess)
{
    public bool IsStale(int staleAfterDays) => HasBills && (LastSuccessfulSyncUtc is null || DaysSinceLastSuccess > staleAfterDays);
}

/// <summary>Reads the sync history for the dashboard's header (sync status, stale-data banner, empty state) and <c>/health</c>.</summary>
public sealed class SyncStatusQueries(IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    public async Task<DataFreshness> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lastSuccess = await db.SyncRuns.Where(r => r.Status == SyncRunStatus.Success && r.FinishedAtUtc != null)
            .OrderByDescending(r => r.FinishedAtUtc).Select(r => r.FinishedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var lastRun = await db.SyncRuns.Where(r => r.Status != SyncRunStatus.Running && r.FinishedAtUtc != null).OrderByDescending(r => r.FinishedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.Status, r.FailureReason, r.Error, r.FinishedAtUtc }).FirstOrDefaultAsync(cancellationToken);
        var hasBills = await db.Bills.AnyAsync(cancellationToken);
        int? days = lastSuccess is { } at ? (int)Math.Floor((time.GetUtcNow() - at).TotalDays) : null;
        var failure = lastRun is { Status: not SyncRunStatus.Success, FinishedAtUtc: { } ended }
            // Runs recorded before reasons were kept read as OVH errors.
            ? new SyncFailure(ended, lastRun.Status, lastRun.FailureReason ?? SyncFailureReason.OvhErrors, lastRun.Error)
            : null;
        return new DataFreshness(lastSuccess, failure, hasBills, days);
    }
}

using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data;

/// <summary>Records sync runs: one row written at start, completed at the end.</summary>
public sealed class SyncRunStore(IDbContextFactory<CostDbContext> contextFactory, TimeProvider time)
{
    public const string InterruptedError = "Interrupted: the application stopped during this run.";

    /// <summary>Inserts a <see cref="SyncRunStatus.Running"/> run and returns it (with its id).</summary>
    public async Task<SyncRun> StartAsync(SyncRunKind kind, SyncTrigger trigger, DateOnly? rangeFrom = null, DateOnly? rangeTo = null, CancellationToken cancellationToken = default)
    {
        var run = new SyncRun
        {
            Kind = kind,
            Trigger = trigger,
            Status = SyncRunStatus.Running,
            StartedAtUtc = time.GetUtcNow(),
            RangeFrom = rangeFrom,
            RangeTo = rangeTo,
        };
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.SyncRuns.Add(run);
        await context.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>Writes the run's final status and counters and stamps <see cref="SyncRun.FinishedAtUtc"/>.</summary>
    /// <exception cref="ArgumentException">The run is still <see cref="SyncRunStatus.Running"/> or was never started.</exception>
    public async Task FinishAsync(SyncRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Id == 0)
        {
            throw new ArgumentException("This run was not started with SyncRunStore.StartAsync.", nameof(run));
        }

        if (run.Status == SyncRunStatus.Running)
        {
            throw new ArgumentException($"Run {run.Id} must end as Success, Partial or Failed.", nameof(run));
        }

        run.FinishedAtUtc = time.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.SyncRuns.Update(run);
        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Marks runs left <see cref="SyncRunStatus.Running"/> by a stopped process as failed; call once at start-up,
    /// before any sync starts. Returns how many were closed.
    /// </summary>
    public async Task<int> CloseInterruptedRunsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var running = await context.SyncRuns.AsTracking().Where(r => r.Status == SyncRunStatus.Running).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var run in running)
        {
            run.Status = SyncRunStatus.Failed;
            run.FinishedAtUtc = now;
            run.Error = InterruptedError;
        }

        await context.SaveChangesAsync(cancellationToken);
        return running.Count;
    }

    /// <summary>The most recent runs, newest first.</summary>
    public async Task<IReadOnlyList<SyncRun>> GetRecentAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.SyncRuns.OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
    }
}

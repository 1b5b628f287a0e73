using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data;

/// <summary>Records sync runs: one row written at start, completed at the end.</summary>
public sealed class SyncRunStore(IDbContextFactory<CostDbContext> contextFactory, TimeProvider time)
{
    public const string InterruptedError = "Interrupted: the application stopped during this run.";

    /// <summary>How often a running run renews <see cref="SyncRun.HeartbeatAtUtc"/>.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);

    /// <summary>A run of another machine whose heartbeat is older than this was interrupted.</summary>
    public static readonly TimeSpan HeartbeatLease = TimeSpan.FromMinutes(2);

    /// <summary>Inserts a <see cref="SyncRunStatus.Running"/> run and returns it (with its id).</summary>
    public async Task<SyncRun> StartAsync(SyncRunKind kind, SyncTrigger trigger, DateOnly? rangeFrom = null, DateOnly? rangeTo = null, CancellationToken cancellationToken = default)
    {
        var run = new SyncRun
        {
            Kind = kind,
            Trigger = trigger,
            Status = SyncRunStatus.Running,
            StartedAtUtc = time.GetUtcNow(),
            Owner = SyncRunOwner.Current,
            HeartbeatAtUtc = time.GetUtcNow(),
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

    /// <summary>Tells other processes that the run is still alive.</summary>
    public async Task BeatAsync(long runId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.SyncRuns.Where(r => r.Id == runId && r.Status == SyncRunStatus.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.HeartbeatAtUtc, now), cancellationToken);
    }

    /// <summary>
    /// Marks as failed the runs left <see cref="SyncRunStatus.Running"/> by a process that stopped: its process is
    /// gone from this machine, or its heartbeat is older than <see cref="HeartbeatLease"/>. A run of a live process
    /// (the web app's scheduled sync while the CLI starts, or the reverse) is left alone. Called when the web app or
    /// the CLI starts and before each run. Returns how many were closed.
    /// </summary>
    public async Task<int> CloseInterruptedRunsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var running = await context.SyncRuns.AsTracking().Where(r => r.Status == SyncRunStatus.Running).ToListAsync(cancellationToken);
        var interrupted = running.Where(r => r.Owner != SyncRunOwner.Current
            && (r.Owner is null || SyncRunOwner.IsGone(r.Owner) || (r.HeartbeatAtUtc ?? r.StartedAtUtc) < now - HeartbeatLease)).ToList();
        foreach (var run in interrupted)
        {
            run.Status = SyncRunStatus.Failed;
            run.FailureReason = SyncFailureReason.Interrupted;
            run.FinishedAtUtc = now;
            run.Error = InterruptedError;
        }

        await context.SaveChangesAsync(cancellationToken);
        return interrupted.Count;
    }

    /// <summary>The most recent runs, newest first.</summary>
    public async Task<IReadOnlyList<SyncRun>> GetRecentAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.SyncRuns.OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
    }
}

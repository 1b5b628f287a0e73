using Microsoft.Extensions.Logging;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// The one door to the sync engine: never two runs at once (a second caller waits), the running run's progress
/// for the UI, a "sync now" that does not wait, and every outcome announced on the <see cref="SyncNotifier"/>.
/// </summary>
public sealed class SyncCoordinator(ISyncRunner runner, SyncNotifier notifier, TimeProvider clock, ILogger<SyncCoordinator> logger)
{
    /// <summary>
    /// Progress is announced at most this often within a step: every open page re-renders its header on each
    /// announcement, and a full import reports once per bill.
    /// </summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A run shorter than this announces no progress at all, only its end: a consumption reading (3 requests) would
    /// otherwise re-render every open page's header several times before the one render that matters.
    /// </summary>
    public static readonly TimeSpan QuietStart = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>The running sync's progress, or null when idle.</summary>
    public SyncProgress? Current { get; private set; }

    public bool IsRunning => oneAtATime.CurrentCount == 0;

    public async Task<SyncOutcome> RunAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            Current = new SyncProgress(request.Kind, "starting", 0, 0);
            await notifier.PublishStartedAsync(request);
            var started = clock.GetTimestamp();
            var lastStep = (string?)null;
            var lastAnnounced = 0L;
            var progress = new Progress<SyncProgress>(p =>
            {
                Current = p;
                var now = clock.GetTimestamp();
                if (clock.GetElapsedTime(started, now) < QuietStart)
                {
                    return;
                }

                if (p.Step != lastStep || p.Done >= p.Total || clock.GetElapsedTime(lastAnnounced, now) >= ProgressInterval)
                {
                    (lastStep, lastAnnounced) = (p.Step, now);
                    _ = notifier.PublishProgressAsync(p);
                }
            });
            var outcome = await runner.RunAsync(request, progress, cancellationToken);
            logger.LogInformation(
                "Sync {Kind} ({Trigger}) {Status} in {Seconds:F1} s: {Bills} bills, {Lines} lines, {Requests} OVH requests ({Retries} retries){Error}",
                outcome.Kind, request.Trigger, outcome.Status, outcome.Duration.TotalSeconds, outcome.BillsImported, outcome.LinesImported,
                outcome.RequestsMade, outcome.Retries, outcome.Error is null ? string.Empty : " — " + outcome.Error);
            // Subscribers treat "finished" as the end of progress too: one announcement, one render per page.
            Current = null;
            await notifier.PublishFinishedAsync(outcome);
            return outcome;
        }
        finally
        {
            Current = null;
            oneAtATime.Release();
        }
    }

    /// <summary>Starts a run in the background unless one is already running; returns whether it started.</summary>
    public bool TryStartNow(SyncRequest request, CancellationToken stopping = default)
    {
        if (IsRunning)
        {
            return false;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(request, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // shutting down
            }
            catch (Exception e)
            {
                logger.LogError(e, "Sync requested from the dashboard failed");
            }
        }, CancellationToken.None);
        return true;
    }
}

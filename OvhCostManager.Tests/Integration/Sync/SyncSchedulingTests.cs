using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Sync;

public sealed class SyncSchedulingTests
{
    private static Task<SimulatorServer> StartSimulatorAsync(TimeProvider? clock = null) =>
        SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Small, Clock = clock ?? SimulatorClock.Frozen(ImportedAccountFixture.Now) });

    [Fact]
    public async Task Coordinator_never_runs_two_syncs_at_once()
    {
        await using var sim = await StartSimulatorAsync();
        sim.Faults.LatencyMs = 20;
        await using var harness = await SyncHarness.CreateAsync(sim);
        var observed = new ObservedRunner(harness.Runner);
        var coordinator = new SyncCoordinator(observed, new SyncNotifier(), sim.Clock, NullLogger<SyncCoordinator>.Instance);

        var first = coordinator.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"), CancellationToken.None);
        await WaitUntilAsync(() => coordinator.IsRunning);
        var startedNow = coordinator.TryStartNow(SyncRequest.Now());
        var second = coordinator.RunAsync(new SyncRequest(SyncRunKind.Differential, SyncScope.Bills), CancellationToken.None);
        var outcomes = await Task.WhenAll(first, second);

        Assert.False(startedNow);
        Assert.Equal(1, observed.MostAtOnce);
        Assert.All(outcomes, o => Assert.Equal(SyncRunStatus.Success, o.Status));
        Assert.Equal(["start Full", "end Full", "start Differential", "end Differential"], observed.Events);
        Assert.False(coordinator.IsRunning);
    }

    [Fact]
    public async Task Scheduler_runs_the_startup_sync_announces_it_and_stops_a_running_sync_on_shutdown()
    {
        // The scheduler waits on the app's clock: the test moves it, so no run depends on how fast this machine is.
        var clock = new FakeTimeProvider(ImportedAccountFixture.Now);
        await using var sim = await StartSimulatorAsync(clock);
        await using var harness = await SyncHarness.CreateAsync(sim, new Dictionary<string, string?>
        {
            ["Sync:ConsumptionInterval"] = "00:10:00",
            ["Ovh:RequestTimeout"] = "00:00:30",
        }, clock);
        var notifier = harness.Services.GetRequiredService<SyncNotifier>();
        var finished = new List<SyncOutcome>();
        var firstFinished = new TaskCompletionSource<SyncOutcome>();
        using var onFinished = notifier.OnFinished(o =>
        {
            lock (finished)
            {
                finished.Add(o);
            }

            firstFinished.TrySetResult(o);
            return Task.CompletedTask;
        });
        var coordinator = harness.Services.GetRequiredService<SyncCoordinator>();
        var scheduler = new SyncScheduler(coordinator, harness.Services.GetRequiredService<IOptions<SyncOptions>>(),
            clock, NullLogger<SyncScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        var startup = await firstFinished.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(SyncRunKind.Differential, startup.Kind);
        Assert.Equal(SyncRunStatus.Success, startup.Status);
        Assert.True(startup.BillsImported > 0);
        Assert.True(startup.ConsumptionSnapshotStored);

        sim.Faults.LatencyMs = 20_000;

        // A step of the consumption run means its sync_runs row exists and it is talking to OVH.
        bool ConsumptionStepRunning() => coordinator.Current is { Kind: SyncRunKind.Consumption, Step: not "starting" };
        var minutesAdvanced = 0;
        for (; minutesAdvanced < 30 && !ConsumptionStepRunning(); minutesAdvanced++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            for (var i = 0; i < 20 && !ConsumptionStepRunning(); i++)
            {
                await Task.Delay(50);
            }
        }

        Assert.True(ConsumptionStepRunning(), $"the consumption run did not start a step: {coordinator.Current}");
        // The scheduler may have read the clock once more after the startup run, hence one minute of slack.
        Assert.InRange(minutesAdvanced, 10, 11);
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await scheduler.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed}");
        scheduler.Dispose();

        await using var context = await harness.Contexts.CreateDbContextAsync();
        var runs = await context.SyncRuns.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, runs.Count);
        Assert.Equal(SyncRunKind.Consumption, runs[1].Kind);
        Assert.Equal(SyncRunStatus.Failed, runs[1].Status);
        Assert.Equal(SyncRunner.CancelledError, runs[1].Error);
        Assert.Single(finished);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    /// <summary>The real runner, watched: how many runs overlap and when each started and ended.</summary>
    private sealed class ObservedRunner(ISyncRunner inner) : ISyncRunner
    {
        private int running;
        private int mostAtOnce;

        public int MostAtOnce => mostAtOnce;

        /// <summary>"start Kind" and "end Kind" in the order they happened.</summary>
        public List<string> Events { get; } = [];

        public async Task<SyncOutcome> RunAsync(SyncRequest request, IProgress<SyncProgress> progress, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            Record($"start {request.Kind}");
            try
            {
                return await inner.RunAsync(request, progress, cancellationToken);
            }
            finally
            {
                Record($"end {request.Kind}");
                Interlocked.Decrement(ref running);
            }
        }

        private void Record(string e)
        {
            lock (Events)
            {
                Events.Add(e);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}

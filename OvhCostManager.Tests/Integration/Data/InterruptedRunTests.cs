using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Tests.Integration.Data;

/// <summary>
/// The web app and the CLI share one database: a run left Running by a process that stopped is closed by the next
/// one to start, and a run of a live process is not.
/// </summary>
public sealed class InterruptedRunTests
{
    /// <summary>A process of this machine that no longer exists: this test process's pid with another start time.</summary>
    internal static string GoneProcess => $"{Environment.MachineName}:{Environment.ProcessId}:19990101000000";

    internal static async Task OwnAsync(StoreDatabase db, long runId, string owner, DateTimeOffset? heartbeat = null)
    {
        await using var context = await db.ContextAsync();
        await context.SyncRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Owner, owner)
            .SetProperty(r => r.HeartbeatAtUtc, r => heartbeat ?? r.HeartbeatAtUtc));
    }

    [Fact]
    public async Task Only_runs_whose_process_is_gone_or_whose_heartbeat_is_old_are_closed()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero));
        var store = new SyncRunStore(db.Get<IDbContextFactory<CostDbContext>>(), clock);
        var ours = await store.StartAsync(SyncRunKind.Full, SyncTrigger.Manual);
        var gone = await store.StartAsync(SyncRunKind.Full, SyncTrigger.Cli);
        var otherMachineAlive = await store.StartAsync(SyncRunKind.Consumption, SyncTrigger.Schedule);
        var otherMachineSilent = await store.StartAsync(SyncRunKind.Consumption, SyncTrigger.Schedule);
        using var sibling = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        var siblingRun = await store.StartAsync(SyncRunKind.Differential, SyncTrigger.Cli);
        await OwnAsync(db, gone.Id, GoneProcess);
        await OwnAsync(db, otherMachineAlive.Id, "another-host:1:20261118085000", clock.GetUtcNow().AddSeconds(-30));
        await OwnAsync(db, otherMachineSilent.Id, "another-host:1:20261118085000", clock.GetUtcNow().AddMinutes(-3));
        await OwnAsync(db, siblingRun.Id, SyncRunOwner.Of(sibling.Id)!);

        var closed = await store.CloseInterruptedRunsAsync();

        var runs = (await store.GetRecentAsync(10)).ToDictionary(r => r.Id);
        Assert.Equal(2, closed);
        Assert.Equal(SyncRunStatus.Running, runs[ours.Id].Status);
        Assert.Equal(SyncRunStatus.Running, runs[otherMachineAlive.Id].Status);
        Assert.Equal(SyncRunStatus.Running, runs[siblingRun.Id].Status);
        foreach (var id in new[] { gone.Id, otherMachineSilent.Id })
        {
            Assert.Equal(SyncRunStatus.Failed, runs[id].Status);
            Assert.Equal(SyncFailureReason.Interrupted, runs[id].FailureReason);
            Assert.Equal(clock.GetUtcNow(), runs[id].FinishedAtUtc);
        }

        sibling.Kill();
        await sibling.WaitForExitAsync();
        Assert.Equal(1, await store.CloseInterruptedRunsAsync());
    }
}

using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Freshness;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Sync;

/// <summary>How a run that OVH refuses or does not answer is recorded, and what the header's query then says.</summary>
public sealed class SyncFailureTests
{
    private static Task<SimulatorServer> StartSimulatorAsync() =>
        SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Small, Clock = SimulatorClock.Frozen(ImportedAccountFixture.Now) });

    [Theory]
    [InlineData("Ovh:ConsumerKey", "ck-unknown-to-ovh")]
    [InlineData("Ovh:ApplicationSecret", "a-wrong-secret")]
    public async Task A_run_whose_every_call_ovh_refuses_for_its_keys_is_failed_credentials_refused(string setting, string wrongValue)
    {
        await using var sim = await StartSimulatorAsync();
        await using var harness = await SyncHarness.CreateAsync(sim, new Dictionary<string, string?> { [setting] = wrongValue });

        var outcome = await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything));

        var run = (await harness.Services.GetRequiredService<SyncRunStore>().GetRecentAsync(1)).Single();
        Assert.Equal(SyncRunStatus.Failed, outcome.Status);
        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.Equal(SyncFailureReason.CredentialsRefused, run.FailureReason);
        Assert.StartsWith("Credentials refused:", run.Error);
        Assert.True(run.RequestsMade > 0);
    }

    [Fact]
    public async Task A_run_that_cannot_reach_ovh_is_failed_unreachable_and_the_header_query_says_so_after_the_last_success()
    {
        await using var sim = await StartSimulatorAsync();
        var closedPort = FreePort.Next();
        await using (var reachable = await SyncHarness.CreateAsync(sim))
        {
            Assert.Equal(SyncRunStatus.Success, (await reachable.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything))).Status);

            // The same database, OVH now out of reach.
            await using var down = await SyncHarness.CreateAsync(sim, new Dictionary<string, string?>
            {
                ["Data:Directory"] = reachable.Directory,
                ["Ovh:BaseUrl"] = $"http://127.0.0.1:{closedPort}/1.0",
            });
            var outcome = await down.RunAsync(new SyncRequest(SyncRunKind.Differential, SyncScope.Bills | SyncScope.Consumption));
            var freshness = await down.Services.GetRequiredService<SyncStatusQueries>().GetAsync();

            Assert.Equal(SyncRunStatus.Failed, outcome.Status);
            Assert.NotNull(freshness.LastSuccessfulSyncUtc);
            Assert.NotNull(freshness.LastFailure);
            Assert.Equal(SyncFailureReason.OvhUnreachable, freshness.LastFailure.Reason);
            Assert.Equal(SyncRunStatus.Failed, freshness.LastFailure.Status);

            // OVH back: the next success clears the failure.
            await reachable.RunAsync(new SyncRequest(SyncRunKind.Differential, SyncScope.Bills));
            Assert.Null((await reachable.Services.GetRequiredService<SyncStatusQueries>().GetAsync()).LastFailure);
        }
    }
}

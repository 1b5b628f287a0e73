using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// The published dashboard on a data folder that already holds the simulated Medium account (seed 42, imported through
/// the real client), plus one Chromium: for browser tests that need figures on screen.
/// </summary>
public sealed class ImportedDashboardFixture : IAsyncLifetime
{
    private SyncHarness? harness;

    public SimulatorServer Simulator { get; private set; } = null!;

    public GroundTruth GroundTruth { get; private set; } = null!;

    public BrowserFixture Browser { get; } = new();

    public RunningApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Medium, Clock = SimulatorClock.Frozen(ImportedAccountFixture.Now) });
        harness = await SyncHarness.CreateAsync(Simulator);
        var outcome = await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"));
        if (outcome.Status != SyncRunStatus.Success)
        {
            throw new InvalidOperationException($"The import for the browser tests ended {outcome.Status}: {outcome.Error}");
        }

        GroundTruth = Simulator.GroundTruth;
        // The dashboard shows what the harness imported: no timer may sync it against another (demo) account meanwhile.
        // Its clock starts where the imported account's stands.
        App = await PublishedApp.StartAsync(new Dictionary<string, string>
        {
            ["Data__Directory"] = harness.Directory,
            ["Sync__Enabled"] = "false",
            ["Demo__Now"] = ImportedAccountFixture.NowSetting,
        });
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (harness is not null)
        {
            await harness.DisposeAsync();
        }

        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ImportedDashboardCollection : ICollectionFixture<ImportedDashboardFixture>
{
    public const string Name = "Published dashboard on an imported account + Chromium";
}

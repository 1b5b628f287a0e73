using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// A simulated account (seed 42, clock frozen at <paramref name="now"/>) fully imported — every scope — into a real
/// SQLite store through the real client; the base of the shared account fixtures. Treat it as read-only.
/// </summary>
public abstract class ImportedAccount(DateTimeOffset now, AccountSize size = AccountSize.Medium) : IAsyncLifetime
{
    private SyncHarness? harness;

    public SimulatorServer Simulator { get; private set; } = null!;

    /// <summary>The simulator's exact figures at the fixture's instant.</summary>
    public GroundTruth GroundTruth { get; private set; } = null!;

    public IServiceProvider Services => harness!.Services;

    public IDbContextFactory<CostDbContext> Contexts => harness!.Contexts;

    public SyncOutcome Outcome { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = size, Clock = SimulatorClock.Frozen(now) });
        harness = await SyncHarness.CreateAsync(Simulator);
        Outcome = await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"));
        if (Outcome.Status != SyncRunStatus.Success)
        {
            throw new InvalidOperationException($"The fixture's full import ended {Outcome.Status}: {Outcome.Error}");
        }

        GroundTruth = Simulator.GroundTruth;
    }

    public async Task DisposeAsync()
    {
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

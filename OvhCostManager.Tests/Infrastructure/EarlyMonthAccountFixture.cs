using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// The simulated Medium account (seed 42) fully imported on the second day of a month, 2026-12-02T10:00+01:00, as
/// issue 14 saw it: the consumption bill of the 1st (November's consumption plus December's monthly plans) is out,
/// and December's consumption is two days old. Shared by the "Early-month account" collection; read-only.
/// </summary>
public sealed class EarlyMonthAccountFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(1));

    private SyncHarness? harness;

    public SimulatorServer Simulator { get; private set; } = null!;

    public GroundTruth GroundTruth { get; private set; } = null!;

    public IServiceProvider Services => harness!.Services;

    public IDbContextFactory<CostDbContext> Contexts => harness!.Contexts;

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Seed = 42,
            Size = AccountSize.Medium,
            Clock = SimulatorClock.Frozen(Now),
        });
        harness = await SyncHarness.CreateAsync(Simulator);
        var outcome = await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"));
        if (outcome.Status != SyncRunStatus.Success)
        {
            throw new InvalidOperationException($"The fixture's full import ended {outcome.Status}: {outcome.Error}");
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

[CollectionDefinition(Name)]
public sealed class EarlyMonthAccountCollection : ICollectionFixture<EarlyMonthAccountFixture>
{
    public const string Name = "Early-month account";
}

using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// A simulated Medium account (seed 42, clock frozen at 2026-11-18T10:00+01:00) fully imported — every scope — into a
/// real SQLite store, for tests that query what the dashboard shows. Shared by the "Imported account" collection;
/// treat it as read-only.
/// </summary>
public sealed class ImportedAccountFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(1));

    /// <summary><see cref="Now"/> as the published app's <c>Demo:Now</c> setting reads it.</summary>
    public static string NowSetting => SimulatorClock.FormatInstant(Now);

    private SyncHarness? harness;

    public SimulatorServer Simulator { get; private set; } = null!;

    /// <summary>The simulator's exact figures at <see cref="Now"/>.</summary>
    public GroundTruth GroundTruth { get; private set; } = null!;

    public IServiceProvider Services => harness!.Services;

    public IDbContextFactory<CostDbContext> Contexts => harness!.Contexts;

    public SyncOutcome Outcome { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Seed = 42,
            Size = AccountSize.Medium,
            Clock = SimulatorClock.Frozen(Now),
        });
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

[CollectionDefinition(Name)]
public sealed class ImportedAccountCollection : ICollectionFixture<ImportedAccountFixture>
{
    public const string Name = "Imported account";
}

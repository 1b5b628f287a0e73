using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Savings;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Savings;

/// <summary>An account one month old: its instances started during October or November, so most are advised on November projected.</summary>
public sealed class YoungAccountAdviceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(1));
    private SimulatorServer simulator = null!;
    private SyncHarness harness = null!;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Seed = 7,
            Shape = new AccountShape(Months: 1, BillsPerMonth: 2, LinesPerBill: 3, CloudProjects: 2, Instances: 12, DedicatedServers: 0, Vps: 0, NetApps: 0),
            Clock = SimulatorClock.Frozen(Now),
        });
        harness = await SyncHarness.CreateAsync(simulator);
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await simulator.DisposeAsync();
    }

    [Fact]
    public async Task Instances_younger_than_last_month_are_advised_on_this_months_hours_projected_to_its_end()
    {
        var outcome = await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"));
        Assert.Equal(SyncRunStatus.Success, outcome.Status);
        var expected = ExpectedAdvice.For(simulator.GroundTruth, simulator.Account);
        Assert.Equal(302m, ExpectedAdvice.HoursLeft(Now));
        Assert.Contains(expected, e => e.Basis == AdviceBasis.CurrentMonthProjected);

        ExpectedAdvice.AssertMatches(expected, (await harness.Services.GetRequiredService<HourlyToMonthlyAdvisor>().GetAsync()).Instances);
    }
}

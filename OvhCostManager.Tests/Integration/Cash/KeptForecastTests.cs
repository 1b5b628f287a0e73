using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Cash;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Cash;

/// <summary>A month's forecast is kept from the last sync before it began and set next to its invoices once billed.</summary>
public sealed class KeptForecastTests
{
    [Fact]
    public async Task A_closed_months_forecast_is_the_one_of_the_last_sync_before_it_began_next_to_its_invoices()
    {
        var november = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(1));
        var clock = SimulatorClock.Frozen(november);
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Small, Clock = clock });
        await using var harness = await SyncHarness.CreateAsync(simulator);
        Assert.Equal(SyncRunStatus.Success, (await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"))).Status);
        var december = (await harness.Services.GetRequiredService<CashCalendarQuery>().GetAsync()).Months.Single(m => m.Month == "2026-12");
        var truth = RenewalTruth.Between(simulator.Account, new DateOnly(2026, 11, 18), new DateOnly(2026, 12, 31))
            .Where(r => r.Certain && r.Date.Month == 12).ToList();
        Assert.Equal(Money.Sum(truth.Select(r => r.Amount)), december.RenewalsTotal);

        // December has begun: its syncs leave its forecast alone.
        clock.SetNow(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(1)));
        Assert.Equal(SyncRunStatus.Success, (await harness.RunAsync(new SyncRequest(SyncRunKind.Differential, SyncScope.Everything, Trigger: "cli"))).Status);
        clock.SetNow(new DateTimeOffset(2027, 1, 3, 10, 0, 0, TimeSpan.FromHours(1)));
        Assert.Equal(SyncRunStatus.Success, (await harness.RunAsync(new SyncRequest(SyncRunKind.Differential, SyncScope.Everything, Trigger: "cli"))).Status);
        var kept = await harness.Services.GetRequiredService<ForecastAgainstBilledQuery>().GetAsync();

        var row = kept.Single(k => k.Month == "2026-12");
        Assert.True(row.Closed);
        Assert.Equal(november, row.ForecastAtUtc);
        Assert.Equal(december.TotalWithoutTax, row.ForecastWithoutTax);
        Assert.Equal(december.TotalWithTax, row.ForecastWithTax);
        var billed = simulator.GroundTruth.Months["2026-12"];
        Assert.Equal(billed.WithoutTax, row.BilledWithoutTax);
        Assert.Equal(billed.WithTax, row.BilledWithTax);
        var january = kept.Single(k => k.Month == "2027-01");
        Assert.False(january.Closed);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(1)), january.ForecastAtUtc);
    }
}

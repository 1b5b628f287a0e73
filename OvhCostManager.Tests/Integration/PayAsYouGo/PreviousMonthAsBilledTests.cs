using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.PayAsYouGo;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;
using SimMonth = OvhCostManager.Simulator.BillingMonth;

namespace OvhCostManager.Tests.Integration.PayAsYouGo;

public sealed class PreviousMonthAsBilledTests
{
    [Fact]
    public async Task Previous_month_follows_its_bill_when_OVH_corrects_a_consumption_line_that_the_history_still_shows_unchanged()
    {
        var now = EarlyMonthAccountFixture.Now;
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 7, Size = AccountSize.Small, Clock = SimulatorClock.Frozen(now) });
        var november = new SimMonth(2026, 11);
        var bill = simulator.Account.VisibleBills(now).Single(b => b.IsConsumptionBill && b.Month == new SimMonth(2026, 12));
        var first = bill.Lines.FindIndex(l => l.PeriodStart == november.FirstDay);
        simulator.Account.ChangeBillLine(bill.BillId, first + 1, bill.Lines[first].TotalPrice + Money.FromDecimal(345.10m));
        await using var harness = await SyncHarness.CreateAsync(simulator);
        var outcome = await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"));
        Assert.Equal(SyncRunStatus.Success, outcome.Status);

        var view = await harness.Services.GetRequiredService<PayAsYouGoQuery>().GetAsync();

        var billed = Money.Sum(bill.Lines.Where(l => l.PeriodStart >= november.FirstDay && l.PeriodEnd <= november.LastDay).Select(l => l.TotalPrice));
        Assert.NotEqual(Money.Sum(ConsumptionView.Closed(simulator.Account, november).Select(e => e.Amount)), billed);
        Assert.Equal(billed, view.Previous!.Amount);
        Assert.Equal(bill.BillId, view.Previous.BillId);
    }
}

using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Costs;

/// <summary>
/// Both lenses against the simulator's ground truth, on the medium and the large account, a full import through the
/// real client: invoiced months equal their bills to the micro-cent, incurred months equal the simulator's own spread
/// of each line over its service period plus the consumption not billed yet.
/// </summary>
public sealed class CostLedgerReconciliationTests
{
    public static TheoryData<AccountSize, string> Accounts => new()
    {
        // Mid-month, and the second day of a month (the consumption bill of the 1st holds last month's usage and this
        // month's monthly plans).
        { AccountSize.Medium, "2026-11-18T10:00:00+01:00" },
        { AccountSize.Large, "2026-12-02T10:00:00+01:00" },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Every_month_reconciles_under_both_lenses(AccountSize size, string now)
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Seed = 42,
            Size = size,
            Clock = SimulatorClock.Frozen(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)),
        });
        await using var harness = await SyncHarness.CreateAsync(simulator);
        var outcome = await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"));
        Assert.Equal(SyncRunStatus.Success, outcome.Status);
        var truth = simulator.GroundTruth;
        var ledger = harness.Services.GetRequiredService<CostLedger>();

        var invoicedMonths = truth.Months.Keys.ToList();
        var invoiced = await ledger.GetMonthsAsync(invoicedMonths, CostLens.Invoiced);
        Assert.Equal(invoicedMonths.Select(m => truth.Months[m].WithoutTax), invoiced.Select(m => m.Total));
        Assert.Equal(invoicedMonths.Select(m => truth.Months[m].Lines), invoiced.Select(m => m.Lines));

        var incurredMonths = truth.IncurredPerMonth.Keys.ToList();
        Assert.Contains(incurredMonths, m => string.CompareOrdinal(m, truth.CurrentMonth) > 0);
        var incurred = await ledger.GetMonthsAsync(incurredMonths, CostLens.Incurred);
        Assert.Equal(incurredMonths.Select(m => truth.IncurredPerMonth[m]), incurred.Select(m => m.Total));

        // The summary Trends reads (SQLite splits the one- and two-month lines) gives the same months to the micro-cent.
        var summary = await ledger.GetSummaryAsync(incurredMonths, CostLens.Incurred);
        Assert.Equal(incurredMonths.Select(m => truth.IncurredPerMonth[m]), incurredMonths.Select(m => Money.Sum(summary.Where(c => c.Month == m).Select(c => c.Amount))));
        var invoicedSummary = await ledger.GetSummaryAsync(invoicedMonths, CostLens.Invoiced);
        Assert.Equal(invoicedMonths.Select(m => truth.Months[m].WithoutTax), invoicedMonths.Select(m => Money.Sum(invoicedSummary.Where(c => c.Month == m).Select(c => c.Amount))));

        // Over all months, the incurred lens moves amounts between months but adds only what is not billed yet.
        Assert.Equal(truth.TotalWithoutTax + truth.ConsumptionCurrent, Money.Sum(incurred.Select(m => m.Total)));
        var current = incurred.Single(m => m.Month == truth.CurrentMonth);
        Assert.Equal(truth.ConsumptionCurrent, current.NotBilledYet);
        Assert.True(current.LinesWithoutPeriod > 0, "the simulated account bills domain renewals and discounts without a period");
    }
}

public sealed class CostSummaryFreshnessTests
{
    [Fact]
    public async Task A_kept_summary_gives_way_to_the_next_consumption_reading()
    {
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(1));
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 7, Size = AccountSize.Small, Clock = SimulatorClock.Frozen(now) });
        await using var harness = await SyncHarness.CreateAsync(simulator);
        Assert.Equal(SyncRunStatus.Success, (await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"))).Status);
        var ledger = harness.Services.GetRequiredService<CostLedger>();
        string[] window = ["2026-10", "2026-11"];
        Money November(IReadOnlyList<CostCell> cells) => Money.Sum(cells.Where(c => c.Month == "2026-11").Select(c => c.Amount));

        var before = November(await ledger.GetSummaryAsync(window, CostLens.Incurred));
        Assert.Equal(before, November(await ledger.GetSummaryAsync(window, CostLens.Incurred)));
        simulator.Account.AdvanceConsumption(Money.FromCents(12_34));
        Assert.Equal(SyncRunStatus.Success, (await harness.RunAsync(SyncRequest.Consumption("test"))).Status);

        Assert.Equal(before + Money.FromCents(12_34), November(await ledger.GetSummaryAsync(window, CostLens.Incurred)));
        Assert.Equal(simulator.GroundTruth.IncurredPerMonth["2026-11"], November(await ledger.GetSummaryAsync(window, CostLens.Incurred)));
    }
}

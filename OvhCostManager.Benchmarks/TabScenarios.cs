using System.Diagnostics;
using OvhCostManager.Core.Budgets;
using OvhCostManager.Core.Cash;
using OvhCostManager.Core.Changes;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Compare;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Inventory;
using OvhCostManager.Core.Overview;
using OvhCostManager.Core.PayAsYouGo;
using OvhCostManager.Core.Savings;
using OvhCostManager.Core.Trends;

namespace OvhCostManager.Benchmarks;

/// <summary>Scenario 4: computing each tab's data from an imported store (no OVH involved).</summary>
public static class TabScenarios
{
    public const int WarmUpRuns = 5;
    public const int MeasuredRuns = 40;

    public static async Task RunAsync(string label, string dataDirectory, double targetP95Ms, Report report)
    {
        // The queries never call OVH; the base URL only satisfies the options' validation.
        await using var host = await BenchHost.StartAsync(new Uri("http://127.0.0.1:9/1.0"), dataDirectory);
        var overview = host.Create<OverviewQueries>();
        var months = await overview.GetBilledMonthsAsync();
        var month = months.Max(StringComparer.Ordinal) ?? throw new InvalidOperationException("The store has no billed month");
        var previous = months.Where(m => string.CompareOrdinal(m, month) < 0).Max(StringComparer.Ordinal) ?? month;
        var compare = host.Create<CompareQueries>();
        var trends = host.Create<TrendQueries>();
        var inventory = host.Create<InventoryQuery>();
        var payg = host.Create<PayAsYouGoQuery>();
        var changes = host.Create<DailyChangesQuery>();
        var budgets = host.Create<BudgetProgressQuery>();
        var calendar = host.Create<CashCalendarQuery>();
        var runway = host.Create<CreditRunwayQuery>();
        var savings = host.Create<SavingsQuery>();
        // A budget on the account and on each family, so that the budgets page measures six scopes.
        var store = host.Create<BudgetStore>();
        await store.SaveAsync(BudgetScope.Account, month, Money.FromDecimal(50_000m), BudgetThresholds.Default, null);
        foreach (var family in Enum.GetValues<CostFamily>())
        {
            await store.SaveAsync(BudgetScope.Family(family), month, Money.FromDecimal(10_000m), BudgetThresholds.Default, null);
        }

        var table = new MarkdownTable($"4. Tab data — {label} ({months.Count} billed months, month {month}; {MeasuredRuns} runs after {WarmUpRuns} warm-up)",
            "tab", "p50 (ms)", "p95 (ms)", "mean (ms)", "allocated per run (KB)", "target p95");
        var tabs = new (string Name, Func<Task> Run)[]
        {
            ("Overview, invoiced", () => overview.GetAsync(month, CostLens.Invoiced)),
            ("Overview, incurred", () => overview.GetAsync(month, CostLens.Incurred)),
            ($"Compare ({previous} vs {month}), invoiced", () => compare.GetAsync(previous, month, CostLens.Invoiced)),
            ($"Compare ({previous} vs {month}), incurred", () => compare.GetAsync(previous, month, CostLens.Incurred)),
            ("Trends (36 months), invoiced", () => trends.GetAsync(TrendWindow.Ending(month, 36), CostLens.Invoiced)),
            ("Trends (36 months), incurred", () => trends.GetAsync(TrendWindow.Ending(month, 36), CostLens.Incurred)),
            ("Inventory, invoiced", () => inventory.GetAsync(month, CostLens.Invoiced)),
            ("Inventory, incurred", () => inventory.GetAsync(month, CostLens.Incurred)),
            ("Pay-as-you-go", () => payg.GetAsync()),
            ("Changes (latest day)", () => changes.GetAsync()),
            ($"Budgets ({month}, 6 scopes)", () => budgets.GetAsync(month)),
            ("Cash (calendar + runway)", async () => { await calendar.GetAsync(); await runway.GetAsync(); }),
            ("Savings", () => savings.GetAsync()),
        };
        foreach (var (name, run) in tabs)
        {
            for (var i = 0; i < WarmUpRuns; i++)
            {
                await run();
            }

            var samples = new List<double>(MeasuredRuns);
            var allocatedBefore = GC.GetTotalAllocatedBytes(true);
            for (var i = 0; i < MeasuredRuns; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                await run();
                samples.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            var allocatedPerRun = (GC.GetTotalAllocatedBytes(true) - allocatedBefore) / (double)MeasuredRuns;
            var (p50, p95, mean) = Measure.Percentiles(samples);
            table.Add(name, p50.ToString("F1"), p95.ToString("F1"), mean.ToString("F1"), (allocatedPerRun / 1024).ToString("N0"),
                ImportScenarios.Verdict(p95 <= targetP95Ms, $"≤ {targetP95Ms:0} ms"));
        }

        report.Add(table);
    }
}

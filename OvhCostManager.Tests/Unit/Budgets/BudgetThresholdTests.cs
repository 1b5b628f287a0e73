using OvhCostManager.Core.Budgets;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Overview;

namespace OvhCostManager.Tests.Unit.Budgets;

public sealed class BudgetThresholdTests
{
    private static BudgetProgress Progress(decimal budget, decimal actual, decimal? forecast, params int[] thresholds) =>
        new(new BudgetInForce(BudgetScope.Account, Money.FromDecimal(budget), thresholds, "2026-11"), "",
            BudgetStatus.Of(Money.FromDecimal(budget), Money.FromDecimal(actual), forecast is { } f ? Money.FromDecimal(f) : null, new MonthProgress(new DateOnly(2026, 11, 18), 18, 30)));

    [Theory]
    [InlineData(1000, 499.99, null)]
    [InlineData(1000, 500, 50)]
    [InlineData(1000, 799.999999, 50)]
    [InlineData(1000, 800, 80)]
    [InlineData(1000, 1000, 100)]
    [InlineData(1000, 2500, 100)]
    [InlineData(333.33, 166.665, 50)]
    [InlineData(333.33, 166.66, null)]
    public void The_highest_threshold_reached_is_the_largest_percentage_the_amount_is_at_or_above(decimal budget, decimal actual, int? expected) =>
        Assert.Equal(expected, Progress(budget, actual, null, 50, 80, 100).ActualThreshold);

    [Fact]
    public void Nothing_spent_reaches_no_threshold_even_of_a_zero_budget()
    {
        Assert.Null(Progress(0, 0, null, 50, 80, 100).ActualThreshold);
        Assert.Equal(100, Progress(0, 0.01m, null, 50, 80, 100).ActualThreshold);
    }

    [Fact]
    public void The_forecast_is_judged_on_its_own_thresholds()
    {
        var progress = Progress(1000, 600, 1200, 50, 80, 100, 120);
        Assert.Equal(50, progress.ActualThreshold);
        Assert.Equal(120, progress.ForecastThreshold);
    }

    [Fact]
    public void The_prorated_line_is_the_budget_times_the_elapsed_days_over_the_days_of_the_month()
    {
        // 1 000 € × 18 / 30 = 600 €; 650 € spent is ahead of it, 60 % of the budget.
        var status = BudgetStatus.Of(Money.FromDecimal(1000m), Money.FromDecimal(650m), null, new MonthProgress(new DateOnly(2026, 11, 18), 18, 30));
        Assert.Equal(Money.FromDecimal(600m), status.Prorated);
        Assert.Equal(60m, status.ProratedPercent);
        Assert.True(status.AheadOfProrated);

        // 100 € × 1 / 31 = 3.2258064516… €, truncated to the micro-cent.
        var first = BudgetStatus.Of(Money.FromDecimal(100m), Money.Zero, null, new MonthProgress(new DateOnly(2026, 12, 1), 1, 31));
        Assert.Equal(new Money(322_580_645), first.Prorated);
    }

    [Theory]
    [InlineData("50, 80, 100", new[] { 50, 80, 100 })]
    [InlineData("100;80 80%", new[] { 80, 100 })]
    public void Typed_thresholds_are_read_sorted_without_repeats(string text, int[] expected)
    {
        Assert.True(BudgetThresholds.TryParse(text, out var thresholds));
        Assert.Equal(expected, thresholds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("50, x")]
    [InlineData("1001")]
    public void Bad_thresholds_are_refused(string text) => Assert.False(BudgetThresholds.TryParse(text, out _));
}

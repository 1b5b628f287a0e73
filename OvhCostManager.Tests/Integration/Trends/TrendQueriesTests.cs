using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Trends;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Trends;

[Collection(ImportedAccountCollection.Name)]
public sealed class TrendQueriesTests(ImportedAccountFixture account)
{
    private TrendQueries Queries => account.Services.GetRequiredService<TrendQueries>();

    [Fact]
    public async Task Monthly_totals_match_the_ground_truth_and_months_before_the_first_bill_are_left_out()
    {
        var last = account.GroundTruth.Months.Keys.Last();
        var first = account.GroundTruth.Months.Keys.First();
        var window = new TrendWindow(BillingMonth.Previous(BillingMonth.Previous(first)), last);
        var report = await Queries.GetAsync(window);
        // Two months before the first bill are not drawn as 0 € (nor is the growth from them "new").
        Assert.Equal(window.Months.Skip(2), report.Totals.Select(t => t.Month));
        foreach (var point in report.Totals)
        {
            Assert.Equal(account.GroundTruth.Months[point.Month].WithoutTax, point.Amount);
        }

        Assert.Equal(first, report.GrowthFrom);
        Assert.False(report.Growth.IsNew);
        foreach (var series in new[] { report.ByCategory, report.ByResourceType })
        {
            for (var i = 0; i < report.Totals.Count; i++)
            {
                Assert.Equal(report.Totals[i].Amount, Money.Sum(series.Select(s => s.Points[i].Amount)));
            }
        }
    }

    [Fact]
    public async Task Cards_state_growth_most_expensive_month_and_a_projection_from_the_last_three_months()
    {
        var last = account.GroundTruth.Months.Keys.Last();
        var report = await Queries.GetAsync(TrendWindow.Ending(last, 12));
        var truth = report.Window.Months.Select(m => account.GroundTruth.Months.GetValueOrDefault(m)?.WithoutTax ?? Money.Zero).ToList();
        // The last month is the month in progress (the fixture's now is 18 November): out of growth and projection.
        Assert.Equal(account.GroundTruth.CurrentMonth, last);
        Assert.Equal(last, report.InProgressMonth);
        Assert.Equal(new OvhCostManager.Core.Overview.Variation(truth[0], truth[^2]), report.Growth);
        var max = truth.Max();
        Assert.Equal(max, report.MostExpensive!.Amount);
        Assert.Equal(report.Window.Months[truth.IndexOf(max)], report.MostExpensive.Month);
        Assert.NotNull(report.Projection);
        Assert.Equal(new Money(Money.Sum(truth.SkipLast(1).TakeLast(3)).Ucents * 12 / 3), report.Projection.Amount);
        Assert.Equal(3, report.Projection.BasisMonths);
        Assert.Equal(BillingMonth.Previous(last), report.Projection.LastBasisMonth);
    }

    [Fact]
    public async Task Daily_costs_cover_every_day_of_the_month_and_add_up_to_its_total()
    {
        var month = account.GroundTruth.Months.Keys.Last();
        var report = await Queries.GetAsync(TrendWindow.Ending(month, 3));
        Assert.Equal(BillingMonth.Days(month).Last.Day, report.Daily.Count);
        Assert.Equal(account.GroundTruth.Months[month].WithoutTax, Money.Sum(report.Daily.Select(d => d.Amount)));
    }

    [Theory]
    [InlineData("0", null, null, TrendWindowError.WindowOutOfRange)]
    [InlineData("10000", null, null, TrendWindowError.WindowOutOfRange)]
    [InlineData("abc", null, null, TrendWindowError.WindowNotANumber)]
    [InlineData(null, "2026-13", "2026-10", TrendWindowError.FromNotAMonth)]
    [InlineData(null, "2026-10", "2026-01", TrendWindowError.FromAfterTo)]
    [InlineData(null, "2000-01", "2026-10", TrendWindowError.SpanTooLong)]
    public void Malformed_windows_are_refused_with_a_reason_and_the_default_window_instead(string? window, string? from, string? to, TrendWindowError expected)
    {
        Assert.Equal(expected, TrendWindow.TryParse(window, from, to, "2026-11", out var result));
        Assert.Equal(TrendWindow.Ending("2026-11", TrendWindow.DefaultMonths), result);
    }

    [Fact]
    public void A_window_of_N_months_ends_on_the_selected_month()
    {
        Assert.Equal(TrendWindowError.None, TrendWindow.TryParse("3", null, null, "2026-01", out var w));
        Assert.Equal(["2025-11", "2025-12", "2026-01"], w.Months);
    }
}

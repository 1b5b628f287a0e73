using OvhCostManager.Core.Changes;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Tests.Unit.Changes;

public sealed class AnomalyRuleTests
{
    private static readonly AnomalyRule Defaults = AnomalyRule.From(new InsightsOptions());

    private static Money E(decimal euros) => Money.FromDecimal(euros);

    private static Money[] Days(params decimal[] euros) => euros.Select(E).ToArray();

    [Fact]
    public void The_defaults_are_14_days_50_percent_and_a_10_euro_floor()
    {
        Assert.Equal(new AnomalyRule(14, 50, E(10m)), Defaults);
        Assert.Equal(7, Defaults.MinimumDays);
    }

    [Fact]
    public void A_day_at_three_times_the_median_is_an_anomaly_with_its_deviation_in_euros_and_percent()
    {
        // 14 days sorted: 36 ×7, 38.20, 40 ×6 → middle pair 36 and 38.20 → median 37.10; 119.30 − 37.10 = 82.20 = +221.6 %.
        var window = Days(36, 36, 36, 36, 36, 36, 36, 38.20m, 40, 40, 40, 40, 40, 40);
        var judgement = Defaults.Judge(E(119.30m), window)!;

        Assert.True(judgement.IsAnomaly);
        Assert.Equal(E(37.10m), judgement.Median);
        Assert.Equal(E(82.20m), judgement.Deviation);
        Assert.Equal(221.6m, judgement.DeviationPercent);
        Assert.Equal(14, judgement.DaysInWindow);
    }

    [Fact]
    public void A_drop_below_half_the_median_is_an_anomaly_too()
    {
        // Median of 7 days = 40; 12 is 28 € below it (−70 %).
        var judgement = Defaults.Judge(E(12m), Days(30, 35, 40, 40, 45, 50, 41))!;

        Assert.True(judgement.IsAnomaly);
        Assert.Equal(E(40m), judgement.Median);
        Assert.Equal(E(-28m), judgement.Deviation);
        Assert.Equal(-70m, judgement.DeviationPercent);
    }

    [Fact]
    public void A_large_relative_jump_under_the_floor_stays_quiet()
    {
        // Median 4 €: 12 € is +200 % but only 8 € above it, under the 10 € floor.
        var judgement = Defaults.Judge(E(12m), Days(4, 4, 4, 4, 4, 4, 4))!;

        Assert.False(judgement.IsAnomaly);
        Assert.Equal(200m, judgement.DeviationPercent);
    }

    [Fact]
    public void A_deviation_above_the_floor_but_within_the_threshold_stays_quiet()
    {
        // Median 100 €: 149 € is 49 € (49 %) above it, within 50 %; 151 € is beyond.
        var window = Days(100, 100, 100, 100, 100, 100, 100);
        Assert.False(Defaults.Judge(E(149m), window)!.IsAnomaly);
        Assert.True(Defaults.Judge(E(151m), window)!.IsAnomaly);
    }

    [Fact]
    public void With_a_median_of_zero_the_floor_alone_decides()
    {
        var window = Days(0, 0, 0, 0, 0, 0, 0);
        Assert.False(Defaults.Judge(E(9.99m), window)!.IsAnomaly);
        var judgement = Defaults.Judge(E(10m), window)!;
        Assert.True(judgement.IsAnomaly);
        Assert.Null(judgement.DeviationPercent);
    }

    [Fact]
    public void Fewer_days_than_half_the_window_give_no_judgement()
    {
        Assert.Null(Defaults.Judge(E(500m), Days(1, 1, 1, 1, 1, 1)));
        Assert.NotNull(Defaults.Judge(E(500m), Days(1, 1, 1, 1, 1, 1, 1)));
    }

    [Fact]
    public void The_settings_change_the_rule()
    {
        var strict = AnomalyRule.From(new InsightsOptions { LookBackDays = 4, ThresholdPercent = 20, FloorEuros = 1m });
        // Median of 10, 10, 12, 12 = 11; 13.50 is 2.50 € (22.7 %) above it.
        var judgement = strict.Judge(E(13.50m), Days(10, 12, 10, 12))!;

        Assert.True(judgement.IsAnomaly);
        Assert.Equal(E(11m), judgement.Median);
        Assert.Equal(22.7m, judgement.DeviationPercent);
    }
}

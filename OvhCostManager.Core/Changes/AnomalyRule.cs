using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Changes;

/// <summary>What the rule found for one day: its cost, the median of the look-back days and the deviation from it.</summary>
public sealed record AnomalyJudgement(Money DayCost, Money Median, int DaysInWindow, Money Deviation, decimal? DeviationPercent, bool IsAnomaly);

/// <summary>
/// The anomaly rule on a daily cost, meant to be read next to each anomaly: a day is an anomaly when its cost deviates
/// from the median of the <see cref="LookBackDays"/> days before it by more than <see cref="ThresholdPercent"/> % of that
/// median (above or below) and by at least <see cref="Floor"/>, so that small noise stays quiet. The median needs at
/// least half the window; with a median of 0 the floor alone decides.
/// </summary>
public sealed record AnomalyRule(int LookBackDays, int ThresholdPercent, Money Floor)
{
    public static AnomalyRule From(InsightsOptions options) => new(options.LookBackDays, options.ThresholdPercent, Money.FromDecimal(options.FloorEuros));

    public int MinimumDays => (LookBackDays + 1) / 2;

    /// <summary>Judges <paramref name="dayCost"/> against the costs of the days before it (at most the window's, any order); null when too few.</summary>
    public AnomalyJudgement? Judge(Money dayCost, IReadOnlyCollection<Money> window)
    {
        if (window.Count < MinimumDays || window.Count > LookBackDays) return null;
        var median = Median(window);
        var deviation = dayCost - median;
        var size = Math.Abs(deviation.Ucents);
        decimal? percent = median.Ucents > 0 ? decimal.Round(deviation.Ucents * 100m / median.Ucents, 1) : null;
        var beyondThreshold = median.Ucents <= 0 || (decimal)size * 100 > (decimal)median.Ucents * ThresholdPercent;
        return new AnomalyJudgement(dayCost, median, window.Count, deviation, percent, beyondThreshold && size >= Floor.Ucents);
    }

    /// <summary>The middle value; of an even count, the mean of the two middle ones (truncated to the micro-cent).</summary>
    public static Money Median(IReadOnlyCollection<Money> values)
    {
        var sorted = values.Select(v => v.Ucents).Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? new Money(sorted[middle]) : new Money((sorted[middle - 1] + sorted[middle]) / 2);
    }
}

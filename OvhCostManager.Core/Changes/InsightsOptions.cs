using System.ComponentModel.DataAnnotations;

namespace OvhCostManager.Core.Changes;

/// <summary>The anomaly rule on daily costs. Bound from the <c>Insights</c> section.</summary>
public sealed class InsightsOptions
{
    public const string SectionName = "Insights";

    /// <summary>Days before the day examined whose median is its reference.</summary>
    [Range(3, 90, ErrorMessage = "Insights:LookBackDays must be between 3 and 90.")]
    public int LookBackDays { get; set; } = 14;

    /// <summary>Deviation from the median, in percent of it, above (or below) which a day is an anomaly.</summary>
    [Range(1, 10_000, ErrorMessage = "Insights:ThresholdPercent must be between 1 and 10000.")]
    public int ThresholdPercent { get; set; } = 50;

    /// <summary>Deviation in euros under which no day is an anomaly, so that small noise stays quiet.</summary>
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "Insights:FloorEuros must be between 0 and 1000000.")]
    public decimal FloorEuros { get; set; } = 10m;
}

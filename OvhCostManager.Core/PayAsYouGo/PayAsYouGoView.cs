using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.PayAsYouGo;

/// <summary>Everything the Pay-as-you-go tab shows, read from the latest stored consumption snapshots.</summary>
public sealed record PayAsYouGoView(
    string Currency,
    TimeZoneInfo TimeZone,
    string CurrentMonth,
    CurrentConsumption? Current,
    Money? Forecast,
    PreviousMonthConsumption? Previous,
    int ServiceCount,
    IReadOnlyList<ConsumptionUsageRow> Services,
    IReadOnlyList<ConsumptionCurvePoint> Curve,
    IReadOnlyList<ProjectConsumptionRow> Projects)
{
    /// <summary>False until a first consumption reading has been stored.</summary>
    public bool HasData => Current is not null;
}

/// <summary>The month so far, from the latest <c>/me/consumption/usage/current</c> reading.</summary>
public sealed record CurrentConsumption(Money Amount, DateTimeOffset TakenAtUtc);

/// <summary>The closed month before the current one and the date its consumption was billed (when known).</summary>
public sealed record PreviousMonthConsumption(string Month, Money Amount, DateTimeOffset? BilledAtUtc);

/// <summary>One plan family of the month's consumption (instances, object storage, bandwidth...).</summary>
public sealed record ConsumptionUsageRow(string PlanFamily, ConsumptionUnit Unit, decimal Usage, Money Amount, int ServiceCount);

/// <summary>One reading of the month's curve; <see cref="IsForecast"/> marks OVH's end-of-month estimate.</summary>
public sealed record ConsumptionCurvePoint(DateTimeOffset AtUtc, Money Amount, bool IsForecast);

/// <summary>One resource type of one cloud project this month (<c>/cloud/project/{id}/usage/current</c>).</summary>
public sealed record ProjectConsumptionRow(string ProjectId, string ProjectName, string ResourceType, ConsumptionUnit Unit, decimal Usage, Money Amount);

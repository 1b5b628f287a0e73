using OvhCostManager.Core.BillLines;
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
    IReadOnlyList<ConsumptionUsageRow> Services,
    IReadOnlyList<ConsumptionCurvePoint> Curve,
    IReadOnlyList<ProjectConsumptionRow> Projects,
    IReadOnlyList<ProjectConsumptionRow> ProjectMonthlyPlans)
{
    /// <summary>False until a first consumption reading has been stored.</summary>
    public bool HasData => Current is not null;

    /// <summary>Services with variable consumption: the rows of <see cref="Services"/>, one per plan family.</summary>
    public int ServiceCount => Services.Count;

    /// <summary>The projects' hourly usage so far, billed at the start of next month ("to be billed").</summary>
    public Money ProjectsToBeBilled => Money.Sum(Projects.Select(p => p.Amount));

    /// <summary>The projects' monthly plans of this month, billed in advance on the 1st ("already billed").</summary>
    public Money ProjectsAlreadyBilled => Money.Sum(ProjectMonthlyPlans.Select(p => p.Amount));
}

/// <summary>The month so far, from the latest <c>/me/consumption/usage/current</c> reading.</summary>
public sealed record CurrentConsumption(Money Amount, DateTimeOffset TakenAtUtc);

/// <summary>
/// The closed month before the current one, as billed: <see cref="Amount"/> is the sum of the lines of bill
/// <see cref="BillId"/> that <see cref="Lines"/> lists (the consumption lines whose period is that month). Before its
/// bill is imported, OVH's consumption history gives the amount and the bill fields are null.
/// </summary>
public sealed record PreviousMonthConsumption(string Month, Money Amount, DateTimeOffset? BilledAtUtc, string? BillId = null, int LineCount = 0, BillLineFilter? Lines = null);

/// <summary>One plan family of the month's consumption (instances, object storage, bandwidth...).</summary>
public sealed record ConsumptionUsageRow(string PlanFamily, ConsumptionUnit Unit, decimal Usage, Money Amount, int ServiceCount);

/// <summary>One reading of the month's curve; <see cref="IsForecast"/> marks OVH's end-of-month estimate.</summary>
public sealed record ConsumptionCurvePoint(DateTimeOffset AtUtc, Money Amount, bool IsForecast);

/// <summary>
/// One resource type of one cloud project this month (<c>/cloud/project/{id}/usage/current</c>); GiB·hours are shown
/// as the average GB stored, as in the detail by service.
/// </summary>
public sealed record ProjectConsumptionRow(string ProjectId, string ProjectName, string ResourceType, ConsumptionUnit Unit, decimal Usage, Money Amount);

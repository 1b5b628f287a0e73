using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Overview;

/// <summary>Change of an amount between two periods; <see cref="Percent"/> is null when the earlier amount is zero (shown as "new").</summary>
public sealed record Variation(Money Before, Money After)
{
    public Money Difference => After - Before;

    public decimal? Percent => Before == Money.Zero ? null : decimal.Round((After - Before).Amount / Before.Amount * 100m, 1, MidpointRounding.AwayFromZero);

    /// <summary>Nothing before, something now: a new cost, not an infinite increase.</summary>
    public bool IsNew => Before == Money.Zero && After != Money.Zero;
}

public sealed record ResourceTypeAmount(ResourceType Type, Money Amount, int Services, int Lines);

/// <summary>One slice of the unified pie (<see cref="CostFamilies.Of"/>, the mapping the Inventory summary uses too).</summary>
public sealed record FamilyAmount(CostFamily Family, Money Amount, int Lines);

public sealed record CategoryAmount(ServiceCategory Category, Money Amount, int Lines);

/// <summary>What one Public Cloud project cost in a month and its share of the month's Public Cloud total.</summary>
public sealed record ProjectAmount(string ProjectId, string Name, Money Amount, decimal ShareOfCloudPercent, int Lines);

public sealed record GpuModelAmount(string Model, Money Amount, int Lines);

public sealed record GpuSummary(Money Total, decimal ShareOfCloudPercent, IReadOnlyList<GpuModelAmount> ByModel, IReadOnlyList<ProjectAmount> ByProject)
{
    public bool HasSpend => Total != Money.Zero;
}

/// <summary>Latest pay-as-you-go readings: spent so far and OVH's end-of-month forecast, against the budget.</summary>
public sealed record ConsumptionStatus(string Month, Money Current, DateTimeOffset CurrentTakenAtUtc, Money? Forecast, DateTimeOffset? ForecastTakenAtUtc, Money? Budget)
{
    public bool ForecastExceedsBudget => Forecast is { } f && Budget is { } b && f > b;
}

/// <summary>The month total against the saved monthly budget.</summary>
public sealed record BudgetStatus(Money? Budget, Money Consumed)
{
    public decimal? UsedPercent => Budget is { } b && b > Money.Zero ? decimal.Round(Consumed.Amount / b.Amount * 100m, 1, MidpointRounding.AwayFromZero) : null;

    public bool Exceeded => Budget is { } b && Consumed > b;
}

/// <summary>A recurring service billed in each of the three previous months but not yet in the selected one.</summary>
public sealed record ProjectedService(string ServiceName, ResourceType Type, ServiceCategory Category, string? CloudProjectId, Money LastMonthAmount);

/// <summary>
/// A month that is not fully billed yet (the current month, or the previous one in its first days): the recurring
/// services still to be billed, counted at last month's cost.
/// </summary>
public sealed record MonthInProgress(IReadOnlyList<ProjectedService> MissingServices)
{
    public Money ProjectedAmount => Money.Sum(MissingServices.Select(s => s.LastMonthAmount));
}

/// <summary>Every figure of the Overview tab for one billing month.</summary>
public sealed record OverviewReport(
    string Month,
    string Currency,
    Money Total,
    int Bills,
    int Lines,
    string PreviousMonth,
    Variation VersusPreviousMonth,
    bool PreviousMonthBilled,
    Money CloudTotal,
    Money DailyAverage,
    int DaysInMonth,
    int ActiveProjects,
    IReadOnlyList<ResourceTypeAmount> ByResourceType,
    IReadOnlyList<CategoryAmount> ByCategory,
    IReadOnlyList<ProjectAmount> Projects,
    GpuSummary Gpu,
    BudgetStatus Budget,
    ConsumptionStatus? Consumption,
    MonthInProgress? InProgress)
{
    /// <summary>The unified pie: every family in <see cref="CostFamily"/> order, zero when the month has none of it.</summary>
    public IReadOnlyList<FamilyAmount> ByFamily => Enum.GetValues<CostFamily>()
        .Select(f => (Family: f, Types: ByResourceType.Where(t => CostFamilies.Of(t.Type) == f).ToList()))
        .Select(f => new FamilyAmount(f.Family, Money.Sum(f.Types.Select(t => t.Amount)), f.Types.Sum(t => t.Lines)))
        .ToList();
}

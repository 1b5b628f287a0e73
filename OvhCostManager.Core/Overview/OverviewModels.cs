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

/// <summary>One row of a GPU table: a cloud project, or a dedicated server, and its share of the group's GPU total.</summary>
public sealed record GpuRow(string Key, string Name, Money Amount, decimal ShareOfGpuPercent, int Lines);

/// <summary>
/// GPU spend of one family (Public Cloud instances and AI jobs, or dedicated GPU servers): its total equals the sum
/// of its rows and of its models; its share is against its own family, never another's.
/// </summary>
public sealed record GpuGroup(CostFamily Family, Money Total, Money FamilyTotal, IReadOnlyList<GpuModelAmount> ByModel, IReadOnlyList<GpuRow> Rows)
{
    public decimal ShareOfFamilyPercent => OverviewQueries.Share(Total, FamilyTotal);

    public bool HasSpend => Total != Money.Zero;
}

public sealed record GpuSummary(GpuGroup Cloud, GpuGroup Dedicated)
{
    public Money Total => Cloud.Total + Dedicated.Total;

    public bool HasSpend => Cloud.HasSpend || Dedicated.HasSpend;
}

/// <summary>Latest pay-as-you-go readings: spent so far and OVH's end-of-month forecast of the consumption.</summary>
public sealed record ConsumptionStatus(string Month, Money Current, DateTimeOffset CurrentTakenAtUtc, Money? Forecast, DateTimeOffset? ForecastTakenAtUtc);

/// <summary>
/// End-of-month forecast of a month in progress: what the month holds so far, plus the rest of OVH's consumption
/// forecast (incurred lens: consumption counts in its own month), plus the recurring services still expected before
/// the month ends; never below what the month already holds.
/// </summary>
public sealed record MonthForecast(Money SoFar, Money ConsumptionStillExpected, Money RenewalsStillExpected, int RenewalsCount, bool HasConsumptionForecast)
{
    public Money Amount => SoFar + (ConsumptionStillExpected > Money.Zero ? ConsumptionStillExpected : Money.Zero) + RenewalsStillExpected;
}

/// <summary>
/// The month total, and the forecast of a month in progress, against the budget in force that month.
/// <see cref="Prorated"/> is the budget spread evenly over the month's days, up to the days elapsed (the whole budget
/// once the month is over): spending above it runs ahead of the budget.
/// </summary>
public sealed record BudgetStatus(Money? Budget, Money Consumed, Money? Forecast = null, Money? Prorated = null)
{
    public static BudgetStatus Of(Money? budget, Money consumed, Money? forecast, MonthProgress progress) =>
        new(budget, consumed, forecast, budget is { } b ? progress.Prorate(b) : null);

    public decimal? ProratedPercent => Prorated is { } p ? Percent(p) : null;

    public bool AheadOfProrated => Prorated is { } p && Consumed > p;

    public decimal? UsedPercent => Percent(Consumed);

    public decimal? ForecastPercent => Forecast is { } f ? Percent(f) : null;

    public bool Exceeded => Budget is { } b && Consumed > b;

    public bool ForecastExceeds => Budget is { } b && Forecast is { } f && f > b;

    private decimal? Percent(Money amount) =>
        Budget is { } b && b > Money.Zero ? decimal.Round(amount.Amount / b.Amount * 100m, 1, MidpointRounding.AwayFromZero) : null;
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

/// <summary>
/// How far a month has gone: a month in progress is compared, averaged and projected over its elapsed days only.
/// <see cref="ElapsedDays"/> equals <see cref="DaysInMonth"/> for a closed month.
/// </summary>
public sealed record MonthProgress(DateOnly Today, int ElapsedDays, int DaysInMonth)
{
    public bool IsInProgress => ElapsedDays < DaysInMonth;

    /// <summary>How far <paramref name="month"/> has gone on <paramref name="today"/> (at least one day, as averages divide by it).</summary>
    public static MonthProgress Of(string month, DateOnly today)
    {
        var (first, last) = BillingMonth.Days(month);
        var elapsed = today < first ? 0 : today > last ? last.Day : today.Day;
        return new MonthProgress(today, Math.Max(elapsed, 1), last.Day);
    }

    /// <summary>The part of a monthly amount for the elapsed days (exact integer arithmetic, truncated).</summary>
    public Money Prorate(Money monthly) => new((long)((Int128)monthly.Ucents * ElapsedDays / DaysInMonth));
}

/// <summary>Every figure of the Overview tab for one month under one lens.</summary>
public sealed record OverviewReport(
    string Month,
    CostLens Lens,
    string Currency,
    Money Total,
    int Bills,
    int Lines,
    int LinesWithoutPeriod,
    Money NotBilledYet,
    string PreviousMonth,
    Variation VersusPreviousMonth,
    bool PreviousMonthBilled,
    MonthProgress Progress,
    Money CloudTotal,
    Money DailyAverage,
    int ActiveProjects,
    IReadOnlyList<ResourceTypeAmount> ByResourceType,
    IReadOnlyList<CategoryAmount> ByCategory,
    IReadOnlyList<ProjectAmount> Projects,
    GpuSummary Gpu,
    BudgetStatus Budget,
    ConsumptionStatus? Consumption,
    MonthForecast? Forecast,
    MonthInProgress? InProgress)
{
    /// <summary>The unified pie: every family in <see cref="CostFamily"/> order, zero when the month has none of it.</summary>
    public IReadOnlyList<FamilyAmount> ByFamily => Enum.GetValues<CostFamily>()
        .Select(f => (Family: f, Types: ByResourceType.Where(t => CostFamilies.Of(t.Type) == f).ToList()))
        .Select(f => new FamilyAmount(f.Family, Money.Sum(f.Types.Select(t => t.Amount)), f.Types.Sum(t => t.Lines)))
        .ToList();
}

using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Cash;

/// <summary>One renewal expected on <see cref="Date"/>: the service's price for <see cref="PeriodMonths"/> months.</summary>
public sealed record CalendarRenewal(string ServiceName, ResourceType ResourceType, DateOnly Date, Money Amount, RenewalMode RenewalMode,
    int? PeriodMonths, bool Terminating)
{
    /// <summary>Manual renewals and services scheduled for termination are not counted as certain: someone must act.</summary>
    public bool Certain => RenewalMode != RenewalMode.Manual && !Terminating;
}

/// <summary>A commitment (<c>engagement</c>) that ends on <see cref="EndsOn"/>.</summary>
public sealed record CommitmentEnd(string ServiceName, ResourceType ResourceType, DateOnly EndsOn);

/// <summary>Where a month's expected consumption comes from.</summary>
public enum ConsumptionBasis
{
    /// <summary>No forecast and no billed month to start from.</summary>
    None,

    /// <summary>OVH's forecast of the current month (<c>/me/consumption/usage/forecast</c>), as the Overview reads it.</summary>
    OvhForecast,

    /// <summary>The median of the last billed months' consumption (<see cref="CashCalendar.MedianMonths"/> at most).</summary>
    BilledMedian,
}

/// <summary>One month of the calendar: the renewals falling in it, the expected consumption, the totals.</summary>
public sealed record CashMonth(
    string Month,
    IReadOnlyList<CalendarRenewal> Renewals,
    IReadOnlyList<CalendarRenewal> Uncertain,
    IReadOnlyList<CommitmentEnd> CommitmentsEnding,
    Money ExpectedConsumption,
    ConsumptionBasis ConsumptionBasis,
    Money TotalWithoutTax,
    Money TotalWithTax)
{
    public Money RenewalsTotal => Money.Sum(Renewals.Select(r => r.Amount));
    public Money UncertainTotal => Money.Sum(Uncertain.Select(r => r.Amount));
}

/// <summary>
/// What will leave the bank in the next twelve months: <see cref="Months"/> from the current month, renewals from
/// <paramref name="Today"/>. <see cref="TaxRate"/> is derived from the bills (null before any bill).
/// </summary>
public sealed record CashCalendar(
    DateOnly Today,
    string Currency,
    IReadOnlyList<CashMonth> Months,
    decimal? TaxRate,
    IReadOnlyList<string> MedianOf,
    Money? Median)
{
    public const int MonthCount = 12;
    public const int MedianMonths = 3;
    public const int TaxMonths = 3;
}

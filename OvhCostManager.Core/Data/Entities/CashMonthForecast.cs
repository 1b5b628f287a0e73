using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data.Entities;

/// <summary>
/// The cash calendar's forecast of one month as the last sync before the month began computed it: kept so that,
/// once the month is billed, the forecast stands next to what was billed.
/// </summary>
public sealed class CashMonthForecast
{
    /// <summary><c>yyyy-MM</c>.</summary>
    public string Month { get; set; } = "";

    public DateTimeOffset ComputedAtUtc { get; set; }
    public Money Renewals { get; set; }
    public Money Consumption { get; set; }
    public Money TotalWithoutTax { get; set; }
    public Money TotalWithTax { get; set; }
    public string Currency { get; set; } = "EUR";
}

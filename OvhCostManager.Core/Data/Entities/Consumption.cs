using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data.Entities;

public enum ConsumptionKind
{
    /// <summary><c>/me/consumption/usage/current</c>: spent so far this month.</summary>
    Current,

    /// <summary><c>/me/consumption/usage/forecast</c>: OVH's estimate for the whole month.</summary>
    Forecast,
}

/// <summary>
/// One reading of the month's pay-as-you-go consumption. Snapshots are kept, not overwritten, so the month's curve
/// (spent so far, forecast) can be drawn.
/// </summary>
public sealed class ConsumptionSnapshot
{
    public long Id { get; set; }
    public DateTimeOffset TakenAtUtc { get; set; }

    /// <summary><c>YYYY-MM</c> in the account time zone of the period start (or of the reading); set by the store.</summary>
    public string Month { get; set; } = "";

    public ConsumptionKind Kind { get; set; }
    public DateTimeOffset? PeriodStartUtc { get; set; }
    public DateTimeOffset? PeriodEndUtc { get; set; }

    /// <summary>Sum of the items; set by the store.</summary>
    public Money Total { get; set; }

    public string Currency { get; set; } = "EUR";
    public List<ConsumptionSnapshotItem> Items { get; set; } = [];
}

/// <summary>One element (plan code) of one service's consumption transaction in a snapshot.</summary>
public sealed class ConsumptionSnapshotItem
{
    public long Id { get; set; }
    public long SnapshotId { get; set; }
    public long ServiceId { get; set; }
    public string? PlanFamily { get; set; }
    public string? PlanCode { get; set; }
    public string? Description { get; set; }
    public decimal Quantity { get; set; }
    public string? Unit { get; set; }
    public Money Amount { get; set; }
}

/// <summary>A past month's consumption of one service and plan (<c>/me/consumption/usage/history</c>).</summary>
public sealed class ConsumptionHistoryEntry
{
    public long Id { get; set; }

    /// <summary><c>YYYY-MM</c> in the account time zone.</summary>
    public string Month { get; set; } = "";

    public long ServiceId { get; set; }
    public string PlanFamily { get; set; } = "";
    public string PlanCode { get; set; } = "";
    public decimal Quantity { get; set; }
    public Money Amount { get; set; }
    public string Currency { get; set; } = "EUR";
    public DateTimeOffset? PeriodStartUtc { get; set; }
    public DateTimeOffset? PeriodEndUtc { get; set; }
}

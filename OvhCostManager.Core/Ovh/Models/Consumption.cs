using System.Text.Json.Serialization;

namespace OvhCostManager.Core.Ovh.Models;

/// <summary>
/// <c>me.consumption.Transaction</c> from <c>/me/consumption/usage/current|forecast|history</c>: one per consumption-billed
/// service (<see cref="ServiceId"/>) for a period.
/// </summary>
public sealed record ConsumptionTransaction
{
    public long? Id { get; init; }
    public long ServiceId { get; init; }
    public DateTimeOffset BeginDate { get; init; }
    public DateTimeOffset? EndDate { get; init; }
    public DateTimeOffset? CreationDate { get; init; }
    public DateTimeOffset? LastUpdate { get; init; }
    public OvhPrice Price { get; init; } = new();
    public IReadOnlyList<ConsumptionElement> Elements { get; init; } = [];
}

/// <summary><c>me.consumption.transaction.Element</c>: consumption of one plan code.</summary>
public sealed record ConsumptionElement
{
    public string PlanCode { get; init; } = "";
    public string PlanFamily { get; init; } = "";
    public OvhPrice Price { get; init; } = new();
    public decimal Quantity { get; init; }
    public IReadOnlyList<ConsumptionDetail> Details { get; init; } = [];
}

/// <summary><c>me.consumption.transaction.element.Detail</c>: one resource of a plan code.</summary>
public sealed record ConsumptionDetail
{
    public OvhPrice Price { get; init; } = new();
    public decimal Quantity { get; init; }

    [JsonPropertyName("unique_id")]
    public string? UniqueId { get; init; }
}

using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data.Entities;

public enum CloudUsageKind
{
    /// <summary><c>/cloud/project/{id}/usage/current</c>: this month so far.</summary>
    Current,

    /// <summary><c>/cloud/project/{id}/usage/history</c>: a closed month.</summary>
    History,
}

/// <summary>One resource's usage in a project for a month (a <c>billingView</c> item).</summary>
public sealed class CloudProjectUsage
{
    public long Id { get; set; }
    public string ProjectId { get; set; } = "";

    /// <summary><c>YYYY-MM</c> in the account time zone.</summary>
    public string Month { get; set; } = "";

    public CloudUsageKind Kind { get; set; }

    /// <summary>OVH billing-view family: instance, volume, snapshot, objectStorage, instance_monthly, ...</summary>
    public string ResourceType { get; set; } = "";

    public string? ResourceId { get; set; }

    /// <summary>Flavour or reference, e.g. <c>b3-8</c>.</summary>
    public string? ResourceName { get; set; }

    public string? Region { get; set; }
    public decimal Quantity { get; set; }
    public string? Unit { get; set; }
    public Money Amount { get; set; }
    public bool IsGpu { get; set; }
    public DateTimeOffset TakenAtUtc { get; set; }
}

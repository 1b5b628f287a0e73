using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data.Entities;

/// <summary>A block-storage volume of a cloud project (<c>/cloud/project/{id}/volume</c>).</summary>
public sealed class CloudVolume
{
    public string ProjectId { get; set; } = "";
    public string VolumeId { get; set; } = "";
    public string? Name { get; set; }
    public string Region { get; set; } = "";
    public string Type { get; set; } = "";
    public long SizeGb { get; set; }

    /// <summary>Instance ids separated by a comma; empty when attached to nothing.</summary>
    public string AttachedTo { get; set; } = "";
    public string? Status { get; set; }
    public DateTimeOffset? CreatedAtUtc { get; set; }
}

/// <summary>A volume snapshot of a cloud project (<c>/cloud/project/{id}/volume/snapshot</c>).</summary>
public sealed class CloudVolumeSnapshot
{
    public string ProjectId { get; set; } = "";
    public string SnapshotId { get; set; } = "";
    public string? Name { get; set; }
    public string Region { get; set; } = "";
    public string VolumeId { get; set; } = "";
    public long SizeGb { get; set; }
    public string? PlanCode { get; set; }
    public DateTimeOffset? CreatedAtUtc { get; set; }
}

/// <summary>A failover IP of a cloud project (<c>/cloud/project/{id}/ip/failover</c>).</summary>
public sealed class CloudFailoverIp
{
    public string ProjectId { get; set; } = "";
    public string IpId { get; set; } = "";
    public string Ip { get; set; } = "";
    public string? RoutedTo { get; set; }
    public string? Geoloc { get; set; }
    public string? Status { get; set; }
}

/// <summary>
/// One instance's hours billed by the hour in a month (a <c>hourlyUsage.instance[].details[]</c> entry): from
/// <c>usage/current</c> for this month so far, from <c>usage/history</c> for the last closed month.
/// </summary>
public sealed class CloudInstanceHours
{
    public long Id { get; set; }
    public string ProjectId { get; set; } = "";

    /// <summary><c>YYYY-MM</c> in the account time zone.</summary>
    public string Month { get; set; } = "";

    public CloudUsageKind Kind { get; set; }
    public string InstanceId { get; set; } = "";

    /// <summary>Flavour (<c>reference</c>), e.g. <c>b3-8</c>.</summary>
    public string Flavor { get; set; } = "";

    public string? Region { get; set; }
    public decimal Hours { get; set; }
    public Money Amount { get; set; }

    /// <summary>The usage period the hours cover (its end is the read time for the current month).</summary>
    public DateTimeOffset PeriodFromUtc { get; set; }

    public DateTimeOffset PeriodToUtc { get; set; }
}

/// <summary>One price of OVH's public Public Cloud catalogue (<c>/order/catalog/public/cloud</c>) per interval unit.</summary>
public sealed class CloudCatalogPrice
{
    /// <summary>e.g. <c>b3-8.consumption</c>, <c>b3-8.monthly.postpaid</c>, <c>volume.classic.consumption</c>.</summary>
    public string PlanCode { get; set; } = "";

    /// <summary><c>hour</c> or <c>month</c>.</summary>
    public string IntervalUnit { get; set; } = "";

    /// <summary>Without tax, per one <see cref="IntervalUnit"/> (per GB for storage).</summary>
    public Money Price { get; set; }

    public string Subsidiary { get; set; } = "";
    public string Currency { get; set; } = "";
    public DateTimeOffset TakenAtUtc { get; set; }
}

using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data.Entities;

public enum ResourceDayKind
{
    Instance,
    Service,
}

/// <summary>
/// One Public Cloud instance (or, <see cref="Kind"/> Service, one OVH service and its expiry) as last seen on one day of
/// the account time zone: the inventory's listing, priced by that reading's consumption. The inventory itself is
/// overwritten by each sync, so a day's changes are found by comparing these rows with an earlier day's; one row per
/// resource and day keeps the table small (the day's latest reading).
/// </summary>
public sealed class ResourceDay
{
    public DateOnly Day { get; set; }

    public ResourceDayKind Kind { get; set; }

    /// <summary>The instance id, or of a service its service name.</summary>
    public string InstanceId { get; set; } = "";
    public string ProjectId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Flavor { get; set; }
    public string? Region { get; set; }
    public string? Status { get; set; }
    public bool MonthlyBilling { get; set; }

    /// <summary>The hour's price of the instance at its flavour (its consumption's amount over its hours); null until OVH bills an hour of it.</summary>
    public Money? HourlyPrice { get; set; }

    /// <summary>Of a service: its expiry that day (<see cref="ServiceRenewal.ExpiresOn"/>).</summary>
    public DateOnly? ExpiresOn { get; set; }

    public DateTimeOffset ObservedAtUtc { get; set; }
}

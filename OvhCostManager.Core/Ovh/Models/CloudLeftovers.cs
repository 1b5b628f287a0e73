namespace OvhCostManager.Core.Ovh.Models;

/// <summary><c>cloud.volume.Volume</c> (<c>GET /cloud/project/{serviceName}/volume</c>): a block-storage volume.</summary>
public sealed record CloudVolume
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string Region { get; init; } = "";

    /// <summary><c>classic</c>, <c>high-speed</c>, <c>high-speed-gen2</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>GB.</summary>
    public long Size { get; init; }

    /// <summary>Ids of the instances the volume is attached to; empty when it is attached to nothing.</summary>
    public IReadOnlyList<string> AttachedTo { get; init; } = [];
    public bool? Bootable { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset? CreationDate { get; init; }
}

/// <summary><c>cloud.volume.Snapshot</c> (<c>GET /cloud/project/{serviceName}/volume/snapshot</c>).</summary>
public sealed record CloudVolumeSnapshot
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string Region { get; init; } = "";

    /// <summary>The volume it was taken of.</summary>
    public string VolumeId { get; init; } = "";

    /// <summary>GB.</summary>
    public long Size { get; init; }
    public string? PlanCode { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset? CreationDate { get; init; }
}

/// <summary><c>cloud.ip.FailoverIp</c> (<c>GET /cloud/project/{serviceName}/ip/failover</c>).</summary>
public sealed record CloudFailoverIp
{
    public string Id { get; init; } = "";
    public string Ip { get; init; } = "";
    public string? Block { get; init; }
    public string? ContinentCode { get; init; }
    public string? Geoloc { get; init; }

    /// <summary>The instance the address is routed to; null when routed nowhere.</summary>
    public string? RoutedTo { get; init; }
    public string? Status { get; init; }
    public string? SubType { get; init; }
}

/// <summary>
/// <c>order.catalog.public.PublicCloudCatalog</c> (<c>GET /order/catalog/public/cloud?ovhSubsidiary=FR</c>), the parts
/// read: flavours and storage are priced as plans or add-ons (<c>b3-8.consumption</c> per hour,
/// <c>b3-8.monthly.postpaid</c> per month).
/// </summary>
public sealed record PublicCloudCatalog
{
    public long CatalogId { get; init; }
    public CatalogLocale? Locale { get; init; }
    public IReadOnlyList<CatalogPlan> Plans { get; init; } = [];
    public IReadOnlyList<CatalogPlan> Addons { get; init; } = [];
}

public sealed record CatalogLocale
{
    public string CurrencyCode { get; init; } = "";
    public string Subsidiary { get; init; } = "";
    public decimal TaxRate { get; init; }
}

public sealed record CatalogPlan
{
    public string PlanCode { get; init; } = "";
    public string? InvoiceName { get; init; }
    public string? Product { get; init; }
    public string? PricingType { get; init; }
    public IReadOnlyList<CatalogPricing> Pricings { get; init; } = [];
}

/// <summary>One price of a plan; <see cref="Price"/> is in micro-cents (value × 10^8) per <see cref="Interval"/> <see cref="IntervalUnit"/>.</summary>
public sealed record CatalogPricing
{
    public IReadOnlyList<string> Capacities { get; init; } = [];
    public string? Description { get; init; }
    public long Interval { get; init; }

    /// <summary><c>hour</c>, <c>month</c>, <c>day</c>, <c>none</c>.</summary>
    public string IntervalUnit { get; init; } = "";
    public string? Mode { get; init; }
    public string? Type { get; init; }
    public long Price { get; init; }
}

namespace OvhCostManager.Core.Ovh.Models;

/// <summary><c>GET /services/{serviceId}</c> (<c>services.expanded.Service</c>, BETA): billing and lifecycle of any service.</summary>
public sealed record OvhService
{
    public long ServiceId { get; init; }
    public long? ParentServiceId { get; init; }
    public ServiceResource Resource { get; init; } = new();
    public ServiceRoute? Route { get; init; }
    public ServiceBilling Billing { get; init; } = new();
    public ServiceCustomer? Customer { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
}

public sealed record ServiceResource
{
    public string Name { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public ServiceProduct? Product { get; init; }
    public string? ResellingProvider { get; init; }
    public string State { get; init; } = "";
}

public sealed record ServiceProduct
{
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
}

public sealed record ServiceRoute
{
    /// <summary>The route template, e.g. <c>/dedicated/server/{serviceName}</c>.</summary>
    public string? Path { get; init; }

    /// <summary>The route with its variables, e.g. <c>/dedicated/server/ns3187654.ip-51-77-102.eu</c>.</summary>
    public string? Url { get; init; }
    public IReadOnlyList<KeyValue> Vars { get; init; } = [];
}

public sealed record KeyValue
{
    public string Key { get; init; } = "";
    public string Value { get; init; } = "";
}

public sealed record ServiceBilling
{
    public DateTimeOffset? ExpirationDate { get; init; }
    public DateTimeOffset? NextBillingDate { get; init; }
    public ServicePlan? Plan { get; init; }
    public ServicePricing? Pricing { get; init; }
    public ServiceRenewInfo? Renew { get; init; }
    public ServiceLifecycle? Lifecycle { get; init; }
    public ServiceEngagement? Engagement { get; init; }
    public ServiceEngagementRequest? EngagementRequest { get; init; }
    public ServiceGroup? Group { get; init; }
}

public sealed record ServicePlan
{
    public string Code { get; init; } = "";
    public string InvoiceName { get; init; } = "";
}

/// <summary><c>services.billing.Pricing</c>: the recurring price of the service.</summary>
public sealed record ServicePricing
{
    public string? Description { get; init; }

    /// <summary>ISO 8601 duration of one renewal (<c>P1M</c>).</summary>
    public string? Duration { get; init; }
    public long Interval { get; init; }
    public OvhPrice Price { get; init; } = new();
    public long? PriceInUcents { get; init; }
    public string? PricingMode { get; init; }
    public string? PricingType { get; init; }
    public IReadOnlyList<string> Capacities { get; init; } = [];
}

public sealed record ServiceRenewInfo
{
    public ServiceRenewCurrent? Current { get; init; }
    public ServiceRenewCapacities? Capacities { get; init; }
}

public sealed record ServiceRenewCurrent
{
    /// <summary><c>automatic</c> or <c>manual</c> (null for consumption services).</summary>
    public string? Mode { get; init; }
    public DateTimeOffset? NextDate { get; init; }
    public string? Period { get; init; }
}

public sealed record ServiceRenewCapacities
{
    public IReadOnlyList<string> Mode { get; init; } = [];
}

public sealed record ServiceLifecycle
{
    public ServiceLifecycleCurrent? Current { get; init; }
    public ServiceLifecycleCapacities? Capacities { get; init; }
}

public sealed record ServiceLifecycleCurrent
{
    public DateTimeOffset? CreationDate { get; init; }
    public IReadOnlyList<string> PendingActions { get; init; } = [];
    public string State { get; init; } = "";
    public DateTimeOffset? TerminationDate { get; init; }
}

public sealed record ServiceLifecycleCapacities
{
    public IReadOnlyList<string> Actions { get; init; } = [];
}

public sealed record ServiceEngagement
{
    public DateOnly? EndDate { get; init; }
    public ServiceEngagementEndRule? EndRule { get; init; }
}

public sealed record ServiceEngagementEndRule
{
    public string? Strategy { get; init; }
    public IReadOnlyList<string> PossibleStrategies { get; init; } = [];
}

public sealed record ServiceEngagementRequest
{
    public string? PricingMode { get; init; }
    public DateOnly? RequestDate { get; init; }
}

public sealed record ServiceGroup
{
    public long Id { get; init; }
}

public sealed record ServiceCustomer
{
    public IReadOnlyList<ServiceContact> Contacts { get; init; } = [];
}

public sealed record ServiceContact
{
    public string CustomerCode { get; init; } = "";
    public string Type { get; init; } = "";
}

using System.Text.Json;
using System.Text.Json.Serialization;
using OvhCostManager.Core.Ovh.Json;

namespace OvhCostManager.Core.Ovh.Models;

/// <summary><c>GET /cloud/project/{serviceName}</c> (<c>cloud.ProjectWithIAM</c>).</summary>
public sealed record CloudProject
{
    [JsonPropertyName("project_id")]
    public string ProjectId { get; init; } = "";
    public string? ProjectName { get; init; }
    public string? Description { get; init; }
    public string Status { get; init; } = "";
    public string? PlanCode { get; init; }
    public long? OrderId { get; init; }
    public DateTimeOffset CreationDate { get; init; }
    public DateTimeOffset? Expiration { get; init; }
    public string? Access { get; init; }
    public bool ManualQuota { get; init; }
    public bool Unleash { get; init; }
    public IamMetadata? Iam { get; init; }

    /// <summary>Description, else project name, else id — what the control panel shows.</summary>
    public string DisplayName => !string.IsNullOrWhiteSpace(Description) ? Description
        : !string.IsNullOrWhiteSpace(ProjectName) ? ProjectName : ProjectId;
}

/// <summary><c>cloud.instance.Instance</c>.</summary>
public sealed record CloudInstance
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Region { get; init; } = "";
    public string? AvailabilityZone { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset Created { get; init; }
    public string FlavorId { get; init; } = "";
    public CloudFlavor? Flavor { get; init; }
    public string? ImageId { get; init; }
    public CloudImage? Image { get; init; }
    public string? PlanCode { get; init; }
    public CloudMonthlyBilling? MonthlyBilling { get; init; }
    public long? CurrentMonthOutgoingTraffic { get; init; }
    public string? SshKeyId { get; init; }
    public IReadOnlyList<CloudIpAddress> IpAddresses { get; init; } = [];
}

public sealed record CloudFlavor
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Region { get; init; }
    public string? Type { get; init; }
    public string? OsType { get; init; }
    public long Vcpus { get; init; }
    public long Ram { get; init; }
    public long Disk { get; init; }
    public CloudFlavorPlanCodes? PlanCodes { get; init; }
}

public sealed record CloudFlavorPlanCodes
{
    public string? Hourly { get; init; }
    public string? Monthly { get; init; }
    public string? License { get; init; }
}

public sealed record CloudImage
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Type { get; init; }
}

/// <summary><c>cloud.instance.MonthlyBilling</c>: the instance is billed monthly since <see cref="Since"/>.</summary>
public sealed record CloudMonthlyBilling
{
    public DateTimeOffset Since { get; init; }
    public string Status { get; init; } = "";
}

public sealed record CloudIpAddress
{
    public string Ip { get; init; } = "";
    public string Type { get; init; } = "";
    public long Version { get; init; }
    public string? NetworkId { get; init; }
    public string? GatewayIp { get; init; }
}

/// <summary><c>cloud.quota.Quotas</c>: one entry per region.</summary>
public sealed record CloudQuota
{
    public string Region { get; init; } = "";
    public CloudInstanceQuota? Instance { get; init; }
    public CloudVolumeQuota? Volume { get; init; }

    /// <summary>Network, load balancer, key manager, share... quotas, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

public sealed record CloudInstanceQuota
{
    public long MaxCores { get; init; }
    public long MaxInstances { get; init; }

    /// <summary>MB (assumed; not documented).</summary>
    public long MaxRam { get; init; }
    public long UsedCores { get; init; }
    public long UsedInstances { get; init; }
    public long UsedRam { get; init; }
}

public sealed record CloudVolumeQuota
{
    public long MaxGigabytes { get; init; }
    public long UsedGigabytes { get; init; }
    public long MaxVolumeCount { get; init; }
    public long VolumeCount { get; init; }
    public long MaxBackupGigabytes { get; init; }
    public long UsedBackupGigabytes { get; init; }
}

/// <summary><c>cloud.usage.UsageHistory</c>: one closed period of a project, detailed by <c>/usage/history/{id}</c>.</summary>
public sealed record CloudUsagePeriodRef
{
    public string Id { get; init; } = "";
    public DateTimeOffset LastUpdate { get; init; }
    public CloudUsagePeriod Period { get; init; } = new();
}

public sealed record CloudUsagePeriod
{
    public DateTimeOffset From { get; init; }
    public DateTimeOffset To { get; init; }
}

/// <summary>
/// <c>cloud.usage.UsageCurrent</c>, <c>UsageForecast</c> and <c>UsageHistoryDetail</c> (same billing view; <see cref="Id"/>
/// only for history, <see cref="UsableCredits"/> only for forecast). Amounts inside are in the project currency.
/// </summary>
public sealed record CloudUsage
{
    public string? Id { get; init; }
    public DateTimeOffset LastUpdate { get; init; }
    public CloudUsagePeriod Period { get; init; } = new();
    public CloudHourlyUsage? HourlyUsage { get; init; }
    public CloudMonthlyUsage? MonthlyUsage { get; init; }
    public IReadOnlyList<CloudTypedResources>? ResourcesUsage { get; init; }
    public OvhPrice TotalPrice { get; init; } = new();
    public CloudUsableCredits? UsableCredits { get; init; }
}

/// <summary><c>cloud.billingView.HourlyResources</c>.</summary>
public sealed record CloudHourlyUsage
{
    public IReadOnlyList<CloudHourlyInstance> Instance { get; init; } = [];
    public IReadOnlyList<CloudInstanceBandwidth> InstanceBandwidth { get; init; } = [];
    public IReadOnlyList<CloudUsageEntry> InstanceOption { get; init; } = [];
    public IReadOnlyList<CloudUsageEntry> ManagedKubernetesService { get; init; } = [];
    public IReadOnlyList<CloudUsageEntry> Rancher { get; init; } = [];
    public CloudQuantumUsage? Quantum { get; init; }
    public IReadOnlyList<CloudSnapshotUsage> Snapshot { get; init; } = [];
    public IReadOnlyList<CloudStorageUsage> Storage { get; init; } = [];
    public IReadOnlyList<CloudVolumeUsage> Volume { get; init; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary><c>cloud.billingView.MonthlyResources</c>: monthly instances are billed on the 1st for the month.</summary>
public sealed record CloudMonthlyUsage
{
    public IReadOnlyList<CloudMonthlyInstance> Instance { get; init; } = [];
    public IReadOnlyList<CloudUsageEntry> InstanceOption { get; init; } = [];
    public IReadOnlyList<CloudUsageEntry> Certification { get; init; } = [];
    public IReadOnlyList<CloudUsageEntry> SavingsPlan { get; init; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

public sealed record CloudQuantity
{
    public string Unit { get; init; } = "";
    public decimal Value { get; init; }
}

public sealed record CloudHourlyInstance
{
    public string? DeploymentMode { get; init; }
    public string Reference { get; init; } = "";
    public string Region { get; init; } = "";
    public CloudQuantity? Quantity { get; init; }
    public IReadOnlyList<string>? SavingsPlanIds { get; init; }

    [JsonConverter(typeof(NumberOrPriceConverter))]
    public decimal TotalPrice { get; init; }
    public IReadOnlyList<CloudInstanceUsageDetail> Details { get; init; } = [];
}

public sealed record CloudInstanceUsageDetail
{
    public string InstanceId { get; init; } = "";
    public string? ResourceId { get; init; }
    public CloudQuantity? Quantity { get; init; }

    /// <summary>Monthly instances only: when monthly billing started.</summary>
    public DateTimeOffset? Activation { get; init; }

    [JsonConverter(typeof(NumberOrPriceConverter))]
    public decimal TotalPrice { get; init; }
}

public sealed record CloudMonthlyInstance
{
    public string? DeploymentMode { get; init; }
    public string Reference { get; init; } = "";
    public string Region { get; init; } = "";

    [JsonConverter(typeof(NumberOrPriceConverter))]
    public decimal TotalPrice { get; init; }
    public IReadOnlyList<CloudInstanceUsageDetail> Details { get; init; } = [];
}

/// <summary>A quantity with its price (bandwidth, stored GiBh, snapshot part, retrieval fees).</summary>
public sealed record CloudMeteredPart
{
    public CloudQuantity? Quantity { get; init; }
    public IReadOnlyList<string>? ResourceIds { get; init; }

    [JsonConverter(typeof(NumberOrPriceConverter))]
    public decimal TotalPrice { get; init; }
}

public sealed record CloudInstanceBandwidth
{
    public string? DeploymentMode { get; init; }
    public string Region { get; init; } = "";
    public CloudMeteredPart? IncomingBandwidth { get; init; }
    public CloudMeteredPart? OutgoingBandwidth { get; init; }

    [JsonConverter(typeof(NumberOrPriceConverter))]
    public decimal TotalPrice { get; init; }
}

public sealed record CloudSnapshotUsage
{
    public string? DeploymentMode { get; init; }
    public string Region { get; init; } = "";
    public CloudMeteredPart? Instance { get; init; }
    public CloudMeteredPart? Volume { get; init; }

    [JsonConverter(typeof(NumberOrPriceConverter))]
    public decimal TotalPrice { get; init; }
}

public sealed record CloudStorageUsage
{
    public string? BucketName { get; init; }
    public string? DeploymentMode { get; init; }
    public string Region { get; init; } = "";

    /// <summary><c>cloud.billingView.StorageTypeEnum</c> as text (<c>storage-standard</c>, <c>pca</c>, ...).</summary>
    public string Type { get; init; } = "";
    public CloudMeteredPart? Stored { get; init; }
    public CloudMeteredPart? IncomingBandwidth { get; init; }
    public CloudMeteredPart? IncomingInternalBandwidth { get; init; }
    public CloudMeteredPart? OutgoingBandwidth { get; init; }
    public CloudMeteredPart? OutgoingInternalBandwidth { get; init; }
    public CloudMeteredPart? RetrievalFees { get; init; }

    [JsonConverter(typeof(NumberOrPriceConverter))]
    public decimal TotalPrice { get; init; }
}

public sealed record CloudVolumeUsage
{
    public string? DeploymentMode { get; init; }
    public string Region { get; init; } = "";
    public string Type { get; init; } = "";
    public CloudQuantity? Quantity { get; init; }

    [JsonConverter(typeof(NumberOrPriceConverter))]
    public decimal TotalPrice { get; init; }
    public IReadOnlyList<CloudVolumeUsageDetail> Details { get; init; } = [];
}

public sealed record CloudVolumeUsageDetail
{
    public string VolumeId { get; init; } = "";
    public string? ResourceId { get; init; }
    public CloudQuantity? Quantity { get; init; }

    [JsonConverter(typeof(NumberOrPriceConverter))]
    public decimal TotalPrice { get; init; }
}

public sealed record CloudQuantumUsage
{
    public IReadOnlyList<CloudUsageEntry> Notebook { get; init; } = [];
    public IReadOnlyList<CloudUsageEntry> ProcessingUnit { get; init; } = [];
}

/// <summary>Any other billing-view entry (options, Kubernetes, Rancher, savings plans, ...): common fields plus the rest as sent.</summary>
public sealed record CloudUsageEntry
{
    public string? Region { get; init; }
    public string? Reference { get; init; }
    public string? Type { get; init; }

    [JsonConverter(typeof(NumberOrPriceConverter))]
    public decimal TotalPrice { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary><c>cloud.billingView.TypedResources</c>: resources billed per hour/minute/second/unit (load balancers, ...).</summary>
public sealed record CloudTypedResources
{
    public string Type { get; init; } = "";

    [JsonConverter(typeof(NumberOrPriceConverter))]
    public decimal TotalPrice { get; init; }
    public IReadOnlyList<CloudRegionalizedResource> Resources { get; init; } = [];
}

public sealed record CloudRegionalizedResource
{
    public string Region { get; init; } = "";
    public string? DeploymentMode { get; init; }
    public IReadOnlyList<CloudResourceComponent> Components { get; init; } = [];
}

public sealed record CloudResourceComponent
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? ResourceId { get; init; }
    public CloudQuantity? Quantity { get; init; }

    [JsonConverter(typeof(NumberOrPriceConverter))]
    public decimal TotalPrice { get; init; }
}

/// <summary><c>cloud.billingView.UsedCredits</c>: credit that will pay the next bill (forecast only).</summary>
public sealed record CloudUsableCredits
{
    public decimal TotalCredit { get; init; }
    public IReadOnlyList<CloudUsedCredit> Details { get; init; } = [];
}

public sealed record CloudUsedCredit
{
    public long Id { get; init; }
    public string Description { get; init; } = "";
    public decimal UsedAmount { get; init; }
}

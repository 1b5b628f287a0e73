namespace OvhCostManager.Core.Ovh.Models;

/// <summary><c>iam.ResourceMetadata</c> carried by the <c>...WithIAM</c> models.</summary>
public sealed record IamMetadata
{
    public string? Id { get; init; }
    public string? DisplayName { get; init; }
    public string? Urn { get; init; }
    public string? State { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>service.StateEnum</c> of a product's <c>serviceInfos</c>.</summary>
public enum ServiceState
{
    Unknown,
    AutorenewInProgress,
    Expired,
    InCreation,
    Ok,
    PendingDebt,
    UnPaid,
}

/// <summary><c>GET {product route}/serviceInfos</c> (<c>services.Service</c>): expiry and renewal of one product service.</summary>
public sealed record ServiceInfos
{
    public long ServiceId { get; init; }
    public string Domain { get; init; } = "";
    public DateOnly? Creation { get; init; }
    public DateOnly? Expiration { get; init; }
    public DateOnly? EngagedUpTo { get; init; }
    public bool CanDeleteAtExpiration { get; init; }
    public string? ContactAdmin { get; init; }
    public string? ContactBilling { get; init; }
    public string? ContactTech { get; init; }
    public IReadOnlyList<long>? PossibleRenewPeriod { get; init; }
    public ServiceRenew? Renew { get; init; }

    /// <summary><c>service.RenewalTypeEnum</c> as text: each API section carries its own copy of the enum.</summary>
    public string RenewalType { get; init; } = "";
    public ServiceState Status { get; init; }
}

/// <summary><c>service.RenewType</c>.</summary>
public sealed record ServiceRenew
{
    public bool Automatic { get; init; }
    public bool DeleteAtExpiration { get; init; }
    public bool Forced { get; init; }
    public bool? ManualPayment { get; init; }
    public long? Period { get; init; }
}

/// <summary><c>GET /dedicated/server/{serviceName}</c> (<c>dedicated.server.DedicatedWithIAM</c>).</summary>
public sealed record DedicatedServer
{
    public string Name { get; init; } = "";
    public long ServerId { get; init; }
    public string? CommercialRange { get; init; }
    public string Datacenter { get; init; } = "";
    public string? Region { get; init; }
    public string? AvailabilityZone { get; init; }
    public string? Ip { get; init; }
    public string? Reverse { get; init; }
    public string? Os { get; init; }
    public string State { get; init; } = "";
    public string? PowerState { get; init; }
    public string? SupportLevel { get; init; }
    public long? LinkSpeed { get; init; }
    public string? Rack { get; init; }
    public bool ProfessionalUse { get; init; }
    public IamMetadata? Iam { get; init; }

    /// <summary>The name shown in the control panel (IAM display name), else the service name.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Iam?.DisplayName) ? Name : Iam.DisplayName;
}

/// <summary><c>GET /dedicated/server/{serviceName}/specifications/hardware</c>.</summary>
public sealed record DedicatedServerHardware
{
    public string? Description { get; init; }
    public string? ProcessorName { get; init; }
    public string? ProcessorArchitecture { get; init; }
    public long? NumberOfProcessors { get; init; }
    public long? CoresPerProcessor { get; init; }
    public long? ThreadsPerProcessor { get; init; }
    public UnitAndValue? MemorySize { get; init; }
    public string? Motherboard { get; init; }
    public string? FormFactor { get; init; }
    public string? BootMode { get; init; }
    public IReadOnlyList<DiskGroup> DiskGroups { get; init; } = [];
}

public sealed record DiskGroup
{
    public long? DiskGroupId { get; init; }
    public string? Description { get; init; }
    public UnitAndValue? DiskSize { get; init; }
    public string? DiskType { get; init; }
    public long NumberOfDisks { get; init; }
    public string? RaidController { get; init; }
}

/// <summary><c>complexType.UnitAndValue</c>.</summary>
public sealed record UnitAndValue
{
    public string Unit { get; init; } = "";
    public decimal Value { get; init; }
}

/// <summary><c>GET /vps/{serviceName}</c> (<c>vps.VPSWithIAM</c>).</summary>
public sealed record Vps
{
    public string Name { get; init; } = "";
    public string? DisplayName { get; init; }
    public string? Cluster { get; init; }
    public VpsModel Model { get; init; } = new();
    public long MemoryLimit { get; init; }
    public long Vcore { get; init; }
    public string State { get; init; } = "";
    public string Zone { get; init; } = "";
    public string? ZoneType { get; init; }
    public string? OfferType { get; init; }
    public string? NetbootMode { get; init; }
    public bool? SlaMonitoring { get; init; }
    public IamMetadata? Iam { get; init; }
}

/// <summary><c>vps.Model</c>.</summary>
public sealed record VpsModel
{
    public string Name { get; init; } = "";
    public string Offer { get; init; } = "";
    public string? Version { get; init; }
    public long Vcore { get; init; }
    public long Memory { get; init; }
    public long Disk { get; init; }
    public long MaximumAdditionnalIp { get; init; }
    public IReadOnlyList<string> Datacenter { get; init; } = [];
    public IReadOnlyList<string> AvailableOptions { get; init; } = [];
}

/// <summary><c>GET /storage/netapp[/{id}]</c> (<c>storage.NetAppServiceWithIAM</c>); the list route already returns objects.</summary>
public sealed record NetAppService
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string? PerformanceLevel { get; init; }
    public string? Product { get; init; }

    /// <summary>Size of the service (bytes, per the fixtures; not documented).</summary>
    public long Quota { get; init; }
    public string Region { get; init; } = "";
    public string Status { get; init; } = "";
    public IamMetadata? Iam { get; init; }
}

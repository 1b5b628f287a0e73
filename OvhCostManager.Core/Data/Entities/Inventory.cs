namespace OvhCostManager.Core.Data.Entities;

/// <summary>A bare-metal server (<c>/dedicated/server/{name}</c> + hardware + serviceInfos).</summary>
public sealed class DedicatedServer
{
    /// <summary>OVH service name, e.g. <c>ns3187654.ip-51-77-102.eu</c>.</summary>
    public string Name { get; set; } = "";

    public string? DisplayName { get; set; }
    public string? Reverse { get; set; }
    public string? Datacenter { get; set; }
    public string? Region { get; set; }
    public string? CommercialRange { get; set; }

    /// <summary>Commercial name from the hardware specification (<c>description</c>).</summary>
    public string? Offer { get; set; }

    public string? Os { get; set; }

    /// <summary>e.g. <c>2 × Intel Xeon-E 2388G (8c/16t)</c>.</summary>
    public string? CpuSummary { get; set; }

    public long? MemoryMb { get; set; }

    /// <summary>e.g. <c>2 × 960 GB SSD</c>.</summary>
    public string? DiskSummary { get; set; }

    public string? GpuModel { get; set; }
    public string? State { get; set; }
    public string? PowerState { get; set; }
    public string? Ip { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public RenewalMode RenewalMode { get; set; }
    public string? ServiceStatus { get; set; }
    public DateTimeOffset UpdatedAtUtc { get; set; }
}

/// <summary>A VPS (<c>/vps/{name}</c> + serviceInfos + ips).</summary>
public sealed class Vps
{
    public string Name { get; set; } = "";
    public string? DisplayName { get; set; }
    public string? Model { get; set; }
    public string? Offer { get; set; }
    public int? Vcores { get; set; }
    public long? MemoryMb { get; set; }
    public long? DiskGb { get; set; }
    public string? Zone { get; set; }
    public string? State { get; set; }

    /// <summary>Addresses separated by a comma.</summary>
    public string? IpAddresses { get; set; }

    public DateOnly? ExpiresOn { get; set; }
    public RenewalMode RenewalMode { get; set; }
    public string? ServiceStatus { get; set; }
    public DateTimeOffset UpdatedAtUtc { get; set; }
}

/// <summary>An Enterprise File Storage service (<c>/storage/netapp/{id}</c>).</summary>
public sealed class NetAppStorage
{
    /// <summary>Service UUID (OVH addresses the item routes by it).</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";
    public string? Region { get; set; }
    public string? PerformanceLevel { get; set; }
    public string? Product { get; set; }

    /// <summary>OVH <c>quota</c>, in bytes.</summary>
    public long SizeBytes { get; set; }

    public int? SharesCount { get; set; }
    public string? Status { get; set; }
    public DateTimeOffset? CreatedAtUtc { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public RenewalMode RenewalMode { get; set; }
    public DateTimeOffset UpdatedAtUtc { get; set; }
}

/// <summary>A Public Cloud instance (<c>/cloud/project/{id}/instance</c>).</summary>
public sealed class CloudInstance
{
    public string ProjectId { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Flavor { get; set; }

    /// <summary>Plan code without its <c>.consumption</c> / <c>.monthly.postpaid</c> suffix.</summary>
    public string? PlanCode { get; set; }

    public string? Region { get; set; }
    public string? Status { get; set; }
    public DateTimeOffset? CreatedAtUtc { get; set; }

    /// <summary>Monthly instances are billed on the 1st for the coming month; hourly ones at the end of the month.</summary>
    public bool MonthlyBilling { get; set; }

    public bool IsGpu { get; set; }
    public string? GpuModel { get; set; }
}

/// <summary>Quotas of one project in one region (<c>/cloud/project/{id}/quota</c>).</summary>
public sealed class CloudQuota
{
    public string ProjectId { get; set; } = "";
    public string Region { get; set; } = "";
    public long MaxInstances { get; set; }
    public long UsedInstances { get; set; }
    public long MaxCores { get; set; }
    public long UsedCores { get; set; }
    public long MaxRamMb { get; set; }
    public long UsedRamMb { get; set; }
    public long MaxVolumeGb { get; set; }
    public long UsedVolumeGb { get; set; }
    public long MaxVolumeCount { get; set; }
    public long UsedVolumeCount { get; set; }
}

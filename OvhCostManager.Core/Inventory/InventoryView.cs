using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Inventory;

/// <summary>How close a service is to its expiry date, in the account time zone.</summary>
public enum ExpiryAlert
{
    None,
    Within30Days,
    Within7Days,
    Expired,
}

/// <summary>The Inventory tab for one billing month: every service with its cost that month, and the summary per family.</summary>
public sealed record InventoryView(
    string Month,
    string Currency,
    DateOnly Today,
    IReadOnlyList<InventoryService> DedicatedServers,
    IReadOnlyList<InventoryService> Vps,
    IReadOnlyList<InventoryService> Storage,
    IReadOnlyList<InventoryService> Other,
    IReadOnlyList<InventoryCloudProject> CloudProjects,
    IReadOnlyList<FamilySummary> Families)
{
    public bool IsEmpty => DedicatedServers.Count + Vps.Count + Storage.Count + Other.Count + CloudProjects.Count == 0 && Families.All(f => f.Cost == Money.Zero);

    /// <summary>The services with an inventory of their own (dedicated servers, VPS, storage), without "Other".</summary>
    public IEnumerable<InventoryService> AllServices => DedicatedServers.Concat(Vps).Concat(Storage);
}

/// <summary>A dedicated server, VPS, NetApp storage or other service (domain, IP, load balancer…) with its cost in the month (bill lines mapped to its service name).</summary>
public sealed record InventoryService(
    ResourceType ResourceType,
    string ServiceName,
    string DisplayName,
    string? Location,
    ServiceSpecs Specs,
    string? State,
    DateOnly? ExpiresOn,
    RenewalMode RenewalMode,
    ExpiryAlert Alert,
    Money MonthCost,
    int LineCount);

/// <summary>What a service offers; the UI formats it in the user's language.</summary>
public sealed record ServiceSpecs(string? Offer, string? Cpu, int? Vcores, long? MemoryMb, string? Disk, long? DiskGb, string? Gpu, long? StorageBytes, int? Shares);

/// <summary>A Public Cloud project with its instance count and cost in the month.</summary>
public sealed record InventoryCloudProject(
    string Id,
    string Name,
    string? Status,
    int Instances,
    int GpuInstances,
    bool Removed,
    Money MonthCost,
    int LineCount);

/// <summary>One slice of the unified pie: how many inventory services and what the month's bill lines of that family cost.</summary>
public sealed record FamilySummary(CostFamily Family, int Count, Money Cost);


/// <summary>A cloud project's instances, quotas per region and consumption per resource type.</summary>
public sealed record CloudProjectDetail(
    string ProjectId,
    IReadOnlyList<CloudInstanceRow> Instances,
    IReadOnlyList<CloudQuotaRow> Quotas,
    IReadOnlyList<ResourceTypeCost> UsageByResourceType);

public sealed record CloudInstanceRow(string Name, string? Flavor, string? Region, string? Status, bool MonthlyBilling, bool IsGpu, string? GpuModel);

/// <summary>Quota use of one region; percentages are 0–100 (0 when the maximum is unknown).</summary>
public sealed record CloudQuotaRow(string Region, long UsedInstances, long MaxInstances, long UsedCores, long MaxCores, long UsedRamMb, long MaxRamMb)
{
    public double InstancesPercent => Percent(UsedInstances, MaxInstances);
    public double CoresPercent => Percent(UsedCores, MaxCores);
    public double RamPercent => Percent(UsedRamMb, MaxRamMb);

    private static double Percent(long used, long max) => max <= 0 ? 0 : Math.Round(100.0 * used / max, 1);
}

public sealed record ResourceTypeCost(string ResourceType, Money Amount);

namespace OvhCostManager.Core.Classification;

/// <summary>The five slices of the unified cost pie: Public Cloud, dedicated servers, VPS, storage, everything else.</summary>
public enum CostFamily
{
    Cloud,
    Dedicated,
    Vps,
    Storage,
    Other,
}

public static class CostFamilies
{
    /// <summary>The pie slice of a bill line's resource type (the brief: Cloud / Dédié / VPS / Stockage / Autre).</summary>
    public static CostFamily Of(ResourceType type) => type switch
    {
        ResourceType.CloudProject => CostFamily.Cloud,
        ResourceType.DedicatedServer => CostFamily.Dedicated,
        ResourceType.Vps => CostFamily.Vps,
        ResourceType.Storage => CostFamily.Storage,
        _ => CostFamily.Other,
    };
}

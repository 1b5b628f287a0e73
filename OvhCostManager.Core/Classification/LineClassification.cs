namespace OvhCostManager.Core.Classification;

/// <summary>The labels of one bill line, computed at import time and stored with it.</summary>
/// <param name="Category">What the line pays for, from its description.</param>
/// <param name="ResourceType">What kind of product the line's service (<c>domain</c>) is.</param>
/// <param name="CloudProjectId">The Public Cloud project (32 lower-case hex) the line belongs to, when known.</param>
/// <param name="IsGpu">The line pays for GPU time (a GPU flavour or the word GPU).</param>
/// <param name="GpuModel">The GPU model ("H100", "L40S", "V100S"…), when the flavour or text names one.</param>
public sealed record LineClassification(
    ServiceCategory Category,
    ResourceType ResourceType,
    string? CloudProjectId,
    bool IsGpu,
    string? GpuModel);

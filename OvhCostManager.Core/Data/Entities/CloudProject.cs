namespace OvhCostManager.Core.Data.Entities;

/// <summary>A Public Cloud project (<c>/cloud/project/{id}</c>).</summary>
public sealed class CloudProject
{
    /// <summary>32-hex project id, also the <c>domain</c> of its bill lines.</summary>
    public string Id { get; set; } = "";

    /// <summary>OVH <c>description</c>, falling back to <c>projectName</c> or the id.</summary>
    public string Name { get; set; } = "";

    public string? Description { get; set; }
    public string? Status { get; set; }
    public string? PlanCode { get; set; }
    public DateTimeOffset? CreatedAtUtc { get; set; }
    public DateTimeOffset LastSeenAtUtc { get; set; }

    /// <summary>
    /// Set when the project no longer appears in <c>/cloud/project</c>. The row is kept so that old bill lines keep
    /// their project name (the old tool lost them).
    /// </summary>
    public DateTimeOffset? RemovedAtUtc { get; set; }
}

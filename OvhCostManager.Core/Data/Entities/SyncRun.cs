namespace OvhCostManager.Core.Data.Entities;

public enum SyncRunKind
{
    Full,
    Period,
    Differential,
    Consumption,
    Inventory,
}

public enum SyncRunStatus
{
    Running,
    Success,
    Partial,
    Failed,
}

/// <summary>One import from OVH: what was asked, what it cost in requests and how it ended.</summary>
public sealed class SyncRun
{
    public long Id { get; set; }
    public SyncRunKind Kind { get; set; }
    public SyncRunStatus Status { get; set; }
    public DateTimeOffset StartedAtUtc { get; set; }
    public DateTimeOffset? FinishedAtUtc { get; set; }
    public DateOnly? RangeFrom { get; set; }
    public DateOnly? RangeTo { get; set; }
    public int BillsImported { get; set; }
    public int LinesImported { get; set; }
    public int RequestsMade { get; set; }
    public int Retries { get; set; }
    public string? Error { get; set; }
}

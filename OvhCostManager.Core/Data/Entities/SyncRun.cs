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

/// <summary>What started a sync.</summary>
public enum SyncTrigger
{
    Schedule,
    Manual,
    Startup,
    Cli,
}

/// <summary>One import from OVH: what was asked, what it cost in requests and how it ended.</summary>
public sealed class SyncRun
{
    public long Id { get; set; }
    public SyncRunKind Kind { get; set; }
    public SyncTrigger Trigger { get; set; }
    public SyncRunStatus Status { get; set; }
    public DateTimeOffset StartedAtUtc { get; set; }
    public DateTimeOffset? FinishedAtUtc { get; set; }
    public DateOnly? RangeFrom { get; set; }
    public DateOnly? RangeTo { get; set; }
    public int BillsImported { get; set; }
    public int BillsRepaired { get; set; }
    public int LinesImported { get; set; }
    public int InventoryItemsImported { get; set; }
    public int RequestsMade { get; set; }
    public int Retries { get; set; }

    /// <summary>JSON object: route template → number of requests, e.g. <c>{"/me/bill/{billId}":12}</c>.</summary>
    public string? RequestsByEndpointJson { get; set; }

    public string? Error { get; set; }
}

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

/// <summary>Why a run ended Failed or Partial, in the words the header and <c>/health</c> use.</summary>
public enum SyncFailureReason
{
    /// <summary>OVH refused the application key, secret or consumer key (or the key lacks the rights it needs).</summary>
    CredentialsRefused,

    /// <summary>OVH did not answer: connection refused, timeouts, 5xx after every retry.</summary>
    OvhUnreachable,

    /// <summary>OVH answered errors for some calls (a malformed response, a 404 on a listed id…).</summary>
    OvhErrors,

    /// <summary>The process running the sync stopped before the end.</summary>
    Interrupted,

    Cancelled,

    /// <summary>A fault of this application (a bug or the database); the log holds the details.</summary>
    Internal,
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

    public SyncFailureReason? FailureReason { get; set; }

    /// <summary>The process running it (<see cref="SyncRunOwner"/>), so that another process can tell a live run from an interrupted one.</summary>
    public string? Owner { get; set; }

    /// <summary>Renewed while the run is alive; a Running run whose heartbeat is old was interrupted.</summary>
    public DateTimeOffset? HeartbeatAtUtc { get; set; }
}

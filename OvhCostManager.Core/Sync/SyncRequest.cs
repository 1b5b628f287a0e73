using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Sync;

/// <summary>The parts of the account a run refreshes besides bills.</summary>
[Flags]
public enum SyncScope
{
    None = 0,
    Bills = 1,
    Consumption = 2,
    Account = 4,
    Inventory = 8,
    CloudDetails = 16,
    Everything = Bills | Consumption | Account | Inventory | CloudDetails,
}

/// <summary>
/// What to import. <see cref="SyncRunKind.Full"/>: every bill; <see cref="SyncRunKind.Period"/>: bills dated
/// <see cref="From"/>..<see cref="To"/>; <see cref="SyncRunKind.Differential"/>: bills newer than the last one
/// plus repair of bills whose lines changed; <see cref="SyncRunKind.Consumption"/> and
/// <see cref="SyncRunKind.Inventory"/>: no bills, only their scope.
/// </summary>
public sealed record SyncRequest(SyncRunKind Kind, SyncScope Scope, DateOnly? From = null, DateOnly? To = null, string Trigger = "timer")
{
    /// <summary>The 6-hourly run: new and changed bills only, a handful of requests when nothing changed.</summary>
    public static SyncRequest Differential(string trigger = "timer") => new(SyncRunKind.Differential, SyncScope.Bills, Trigger: trigger);

    public static SyncRequest Consumption(string trigger = "timer") => new(SyncRunKind.Consumption, SyncScope.Consumption, Trigger: trigger);

    public static SyncRequest Inventory(string trigger = "timer") => new(SyncRunKind.Inventory, SyncScope.Inventory | SyncScope.CloudDetails, Trigger: trigger);

    /// <summary>
    /// The daily run: bills, inventory, cloud details and the account (debt, credits, and the payments of pending
    /// bills), which change on OVH's billing rhythm rather than by the hour.
    /// </summary>
    public static SyncRequest Daily(string trigger = "timer") =>
        new(SyncRunKind.Differential, SyncScope.Bills | SyncScope.Account | SyncScope.Inventory | SyncScope.CloudDetails, Trigger: trigger);

    /// <summary>What the "sync now" button asks for: everything that changes during a day.</summary>
    public static SyncRequest Now() => new(SyncRunKind.Differential, SyncScope.Everything, Trigger: "user");
}

/// <summary>How a run ended, as the notifier announces it.</summary>
public sealed record SyncOutcome(
    long RunId,
    SyncRunKind Kind,
    SyncRunStatus Status,
    int BillsImported,
    int LinesImported,
    int RequestsMade,
    int Retries,
    bool ConsumptionSnapshotStored,
    TimeSpan Duration,
    string? Error);

/// <summary>Progress of the running sync, for the header's indicator and the CLI.</summary>
public sealed record SyncProgress(SyncRunKind Kind, string Step, int Done, int Total);

using System.Net;
using Microsoft.Extensions.Logging;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Core.Sync;

/// <summary>How one step of a run ended.</summary>
public enum SyncStepResult
{
    Succeeded,

    /// <summary>Some items failed; what succeeded is stored.</summary>
    Partial,

    /// <summary>Nothing of this step could be stored; the previous rows are untouched.</summary>
    Failed,
}

/// <summary>
/// The running run's tally, shared by the import steps: counts, failures per step and progress, and the gate their
/// store writes pass one at a time (<see cref="Writes"/>). Thread-safe: the steps of a run go on at the same time.
/// </summary>
public sealed class SyncRunRecorder(SyncRequest request, IProgress<SyncProgress> progress, ILogger logger)
{
    private readonly Lock gate = new();
    private readonly List<string> errors = [];
    private readonly Dictionary<string, SyncStepResult> steps = new(StringComparer.Ordinal);
    private readonly HashSet<SyncFailureReason> reasons = [];
    private int billsImported;
    private int billsRepaired;
    private int linesImported;
    private int inventoryItems;

    public SyncRequest Request { get; } = request;

    /// <summary>Every store write of the run's steps goes through it, one at a time.</summary>
    public StoreWriteGate Writes { get; } = new();

    /// <summary>Id of the run's <c>sync_runs</c> row; the differential import rotates its verified bills with it.</summary>
    public long RunId { get; init; }

    public int BillsImported => billsImported;
    public int BillsRepaired => billsRepaired;
    public int LinesImported => linesImported;
    public int InventoryItemsImported => inventoryItems;
    public bool ConsumptionSnapshotStored { get; set; }

    /// <summary>The current consumption this run stored, for today's priced resource rows (<c>Changes/ResourceDayRecorder</c>).</summary>
    public IReadOnlyList<Ovh.Models.ConsumptionTransaction>? CurrentConsumption { get; set; }

    public IReadOnlyDictionary<string, SyncStepResult> Steps
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, SyncStepResult>(steps);
            }
        }
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (gate)
            {
                return [.. errors];
            }
        }
    }

    public void BillSaved(int lines, bool repaired)
    {
        Interlocked.Increment(ref billsImported);
        Interlocked.Add(ref linesImported, lines);
        if (repaired)
        {
            Interlocked.Increment(ref billsRepaired);
        }
    }

    public void InventoryStored(int items) => Interlocked.Add(ref inventoryItems, items);

    public void Report(string step, int done, int total) => progress.Report(new SyncProgress(Request.Kind, step, done, total));

    /// <summary>Records a failed item of a step (the step ends Partial unless it is marked Failed).</summary>
    public void ItemFailed(string step, string what, Exception error)
    {
        logger.LogWarning("Sync step {Step}: {What} failed: {Error}", step, what, Describe(error));
        lock (gate)
        {
            if (errors.Count < 20)
            {
                errors.Add($"{step}: {what}: {Describe(error)}");
            }

            reasons.Add(ReasonOf(error));

            if (!steps.TryGetValue(step, out var result) || result == SyncStepResult.Succeeded)
            {
                steps[step] = SyncStepResult.Partial;
            }
        }
    }

    /// <summary>Records that a whole step could not store anything.</summary>
    public void StepFailed(string step, Exception error)
    {
        logger.LogWarning("Sync step {Step} failed: {Error}", step, Describe(error));
        lock (gate)
        {
            errors.Add($"{step}: {Describe(error)}");
            reasons.Add(ReasonOf(error));
            steps[step] = SyncStepResult.Failed;
        }
    }

    public void StepDone(string step)
    {
        lock (gate)
        {
            steps.TryAdd(step, SyncStepResult.Succeeded);
        }
    }

    /// <summary>Success when every step succeeded, Failed when every step failed, else Partial.</summary>
    public SyncRunStatus Status
    {
        get
        {
            lock (gate)
            {
                if (steps.Count == 0 || steps.Values.All(s => s == SyncStepResult.Succeeded))
                {
                    return SyncRunStatus.Success;
                }

                return steps.Values.All(s => s == SyncStepResult.Failed) ? SyncRunStatus.Failed : SyncRunStatus.Partial;
            }
        }
    }

    /// <summary>
    /// What went wrong, when something did: a refusal of the keys first (every later call fails the same way), then
    /// OVH out of reach, then a fault of ours, then errors of single calls.
    /// </summary>
    public SyncFailureReason? FailureReason
    {
        get
        {
            lock (gate)
            {
                SyncFailureReason[] order = [SyncFailureReason.CredentialsRefused, SyncFailureReason.OvhUnreachable, SyncFailureReason.Internal, SyncFailureReason.OvhErrors];
                return order.Where(reasons.Contains).Cast<SyncFailureReason?>().FirstOrDefault();
            }
        }
    }

    /// <summary>
    /// 401, 403 (INVALID_CREDENTIAL, NOT_GRANTED_CALL, IAM refusals) and a refused signature all mean OVH does not
    /// accept these keys for this call; no retry or later run fixes it until someone changes them.
    /// </summary>
    public static SyncFailureReason ReasonOf(Exception error) => error switch
    {
        OvhApiUnavailableException => SyncFailureReason.OvhUnreachable,
        OvhApiException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } => SyncFailureReason.CredentialsRefused,
        OvhApiException { StatusCode: HttpStatusCode.BadRequest, ErrorCode: "INVALID_SIGNATURE" } => SyncFailureReason.CredentialsRefused,
        OvhApiException => SyncFailureReason.OvhErrors,
        HttpRequestException or TimeoutException => SyncFailureReason.OvhUnreachable,
        _ => SyncFailureReason.Internal,
    };

    /// <summary>Whether an exception is an expected failure of OVH (recorded and survived) rather than a bug.</summary>
    public static bool IsOvhFailure(Exception error) => error is OvhApiException or HttpRequestException or TimeoutException;

    private static string Describe(Exception error) => error is OvhApiException ovh
        ? ovh.Message
        : $"{error.GetType().Name}: {error.Message}";
}

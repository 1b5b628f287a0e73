using System.Text.Json;
using Microsoft.Extensions.Logging;
using OvhCostManager.Core.Changes;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// Runs one import and records it as a <c>sync_runs</c> row: inventory, cloud details, bills, consumption and the
/// account, each as asked by the request's scope.
/// </summary>
/// <remarks><para>
/// The steps read OVH at the same time, so that the process-wide limiter's slots stay busy from the run's first
/// request to its last: one after the other, each step's sequential reads (a listing, then its items) left most slots
/// idle. Two orders remain: cloud details start once the inventory is stored (they read its list of projects), and
/// bills are saved once it is stored too (their lines map to the freshest list of known services), though they are
/// fetched from the start. Their store writes go one at a time (<see cref="SyncRunRecorder.Writes"/>).
/// </para><para>
/// Each step survives OVH failures and records them; the run ends <see cref="SyncRunStatus.Success"/>,
/// <see cref="SyncRunStatus.Partial"/> (some steps or items failed, what succeeded is kept) or
/// <see cref="SyncRunStatus.Failed"/> (nothing could be read). An OVH failure never deletes stored rows. A cancelled
/// run is recorded Failed and the cancellation is rethrown; every write is a complete unit, so the next run
/// converges to the same database as an uninterrupted one.
/// </para></remarks>
public sealed class SyncRunner(
    SyncRunStore runs,
    AccountSettingsStore settings,
    OvhRequestCounter counter,
    BillImport bills,
    ConsumptionImport consumption,
    AccountImport account,
    InventoryImport inventory,
    CloudDetailsImport cloudDetails,
    ResourceDayRecorder resourceDays,
    CloudResourcesImport cloudResources,
    Cash.CashForecastRecorder cashForecasts,
    TimeProvider clock,
    ILogger<SyncRunner> logger) : ISyncRunner
{
    /// <summary>Today's row of each instance, which the day's changes compare (<see cref="ResourceDayRecorder"/>).</summary>
    public const string ResourceDayStep = "resource days";

    /// <summary>The forecast of each month still to come, kept for the cash calendar's forecast against billed (<see cref="Cash.CashForecastRecorder"/>).</summary>
    public const string CashForecastStep = "cash forecasts";

    public const string CancelledError = "Cancelled before the end; what was saved is complete and the next run continues.";

    public const string CredentialsRefusedError =
        "Credentials refused: OVH accepted none of this run's calls; check Ovh:ApplicationKey, Ovh:ApplicationSecret and Ovh:ConsumerKey and the consumer key's rights.";

    public async Task<SyncOutcome> RunAsync(SyncRequest request, IProgress<SyncProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var started = clock.GetTimestamp();
        var before = counter.Snapshot();
        await runs.CloseInterruptedRunsAsync(cancellationToken);
        var run = await runs.StartAsync(request.Kind, TriggerOf(request.Trigger), request.From, request.To, cancellationToken);
        var recorder = new SyncRunRecorder(request, progress ?? new Progress<SyncProgress>(), logger) { RunId = run.Id };
        using var heartbeat = clock.CreateTimer(_ => _ = BeatAsync(run.Id), null, SyncRunStore.HeartbeatInterval, SyncRunStore.HeartbeatInterval);
        try
        {
            var zone = await settings.GetTimeZoneAsync(cancellationToken);
            var scope = request.Scope;
            var none = Task.CompletedTask;
            var inventoryStored = scope.HasFlag(SyncScope.Inventory)
                ? StepAsync(recorder, InventoryImport.StepName, () => inventory.RunAsync(recorder, zone, cancellationToken), cancellationToken)
                : none;
            var cloudDetailsStored = scope.HasFlag(SyncScope.CloudDetails)
                ? AfterAsync(inventoryStored, () => StepAsync(recorder, CloudDetailsImport.StepName, () => cloudDetails.RunAsync(recorder, zone, cancellationToken), cancellationToken))
                : none;
            var cloudResourcesStored = scope.HasFlag(SyncScope.CloudDetails)
                ? AfterAsync(inventoryStored, () => StepAsync(recorder, CloudResourcesImport.StepName, () => cloudResources.RunAsync(recorder, zone, cancellationToken), cancellationToken))
                : none;
            var billsStored = scope.HasFlag(SyncScope.Bills) && request.Kind is SyncRunKind.Full or SyncRunKind.Period or SyncRunKind.Differential
                ? StepAsync(recorder, BillImport.StepName, () => bills.RunAsync(recorder, zone, inventoryStored, cancellationToken), cancellationToken)
                : none;
            var consumptionStored = scope.HasFlag(SyncScope.Consumption)
                ? StepAsync(recorder, ConsumptionImport.StepName, () => consumption.RunAsync(recorder, zone, cancellationToken), cancellationToken)
                : none;
            var accountStored = scope.HasFlag(SyncScope.Account)
                ? StepAsync(recorder, AccountImport.StepName, () => account.RunAsync(recorder, cancellationToken), cancellationToken)
                : none;
            await Task.WhenAll(inventoryStored, cloudDetailsStored, cloudResourcesStored, billsStored, consumptionStored, accountStored);
            if (recorder.ConsumptionSnapshotStored || recorder.Steps.GetValueOrDefault(CloudDetailsImport.StepName, SyncStepResult.Failed) != SyncStepResult.Failed)
            {
                await StepAsync(recorder, ResourceDayStep, () => resourceDays.RecordAsync(recorder.CurrentConsumption, zone, cancellationToken), cancellationToken);
            }

            if (scope.HasFlag(SyncScope.Inventory))
            {
                await StepAsync(recorder, CashForecastStep, () => cashForecasts.RecordAsync(cancellationToken), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(run, recorder, before, SyncRunStatus.Failed, SyncFailureReason.Cancelled, CancelledError);
            throw;
        }

        var errors = recorder.Errors;
        var status = recorder.Status;
        var reason = status == SyncRunStatus.Success ? null : recorder.FailureReason;
        var error = errors.Count == 0 ? null : string.Join(" | ", errors);
        if (reason is not null && NoCallSucceeded(before))
        {
            // Steps that tolerate single failures end Partial one by one; with no answer at all the run is a failure.
            status = SyncRunStatus.Failed;
            if (reason == SyncFailureReason.CredentialsRefused)
            {
                error = CredentialsRefusedError + " " + error;
            }
        }

        var outcome = await FinishAsync(run, recorder, before, status, reason, error);
        return outcome with { Duration = clock.GetElapsedTime(started) };
    }

    private bool NoCallSucceeded(OvhRequestCounts before)
    {
        var spent = counter.Snapshot().Since(before);
        // The server-time call needs no keys: its answer says nothing about whether OVH accepts them.
        var unsigned = spent.RequestsTo(OvhServerClock.TimePath) + spent.RequestsTo(CloudResourcesImport.CatalogTemplate);
        var answered = spent.ByStatus.Where(pair => pair.Key is >= 200 and < 300).Sum(pair => pair.Value);
        return spent.TotalRequests > unsigned && answered <= unsigned;
    }

    private async Task BeatAsync(long runId)
    {
        try
        {
            await runs.BeatAsync(runId);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            // A missed beat only shortens the lease another process sees; the next one renews it.
            logger.LogDebug(e, "Sync run {RunId}: heartbeat not written", runId);
        }
    }

    private static void Validate(SyncRequest request)
    {
        if (request.Kind == SyncRunKind.Period && (request.From is null || request.To is null))
        {
            throw new ArgumentException("A period import needs both its first day (from) and its last day (to).", nameof(request));
        }

        if (request.From is { } from && request.To is { } to && from > to)
        {
            throw new ArgumentException($"The period starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd}).", nameof(request));
        }
    }

    private static async Task AfterAsync(Task first, Func<Task> then)
    {
        await first;
        await then();
    }

    private async Task StepAsync(SyncRunRecorder recorder, string step, Func<Task> body, CancellationToken cancellationToken)
    {
        // The steps start together: each goes on from its first await while the others send their requests.
        await Task.Yield();
        var started = clock.GetTimestamp();
        try
        {
            await body();
            logger.LogDebug("Sync step {Step} ended after {Seconds:F2} s", step, clock.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug or a database error in one step must not lose the others; the run ends Partial or Failed.
            logger.LogError(e, "Sync step {Step} failed unexpectedly", step);
            recorder.StepFailed(step, e);
        }
    }

    private async Task<SyncOutcome> FinishAsync(SyncRun run, SyncRunRecorder recorder, OvhRequestCounts before, SyncRunStatus status,
        SyncFailureReason? reason, string? error)
    {
        var spent = counter.Snapshot().Since(before);
        run.Status = status;
        run.FailureReason = reason;
        run.BillsImported = recorder.BillsImported;
        run.BillsRepaired = recorder.BillsRepaired;
        run.LinesImported = recorder.LinesImported;
        run.InventoryItemsImported = recorder.InventoryItemsImported;
        run.RequestsMade = (int)spent.TotalRequests;
        run.Retries = (int)spent.TotalRetries;
        run.RequestsByEndpointJson = JsonSerializer.Serialize(spent.ByEndpoint);
        run.Error = error is { Length: > 4000 } ? error[..4000] : error;
        await runs.FinishAsync(run, CancellationToken.None);
        return new SyncOutcome(run.Id, run.Kind, status, run.BillsImported, run.LinesImported, run.RequestsMade, run.Retries,
            recorder.ConsumptionSnapshotStored, run.FinishedAtUtc is { } end ? end - run.StartedAtUtc : TimeSpan.Zero, run.Error);
    }

    private static SyncTrigger TriggerOf(string trigger) => trigger.ToLowerInvariant() switch
    {
        "startup" => SyncTrigger.Startup,
        "user" or "manual" => SyncTrigger.Manual,
        "cli" => SyncTrigger.Cli,
        _ => SyncTrigger.Schedule,
    };
}

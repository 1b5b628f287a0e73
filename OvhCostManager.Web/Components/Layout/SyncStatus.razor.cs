using Microsoft.AspNetCore.Components;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Freshness;
using OvhCostManager.Core.Sync;
using OvhCostManager.Web.Components.Shared;

namespace OvhCostManager.Web.Components.Layout;

/// <summary>Header indicator: last successful sync, the running sync's progress, and "sync now".</summary>
public sealed partial class SyncStatus : IDisposable
{
    private LiveUpdates? live;
    private DataFreshness? freshness;
    private SyncProgress? progress;
    private TimeZoneInfo? zone;

    [Inject] private SyncNotifier Notifier { get; set; } = null!;
    [Inject] private SyncStatusQueries Status { get; set; } = null!;
    [Inject] private ViewAfterSync<DataFreshness> FreshnessAfterSync { get; set; } = null!;
    [Inject] private AccountSettingsStore Settings { get; set; } = null!;
    [Inject] private IServiceProvider Services { get; set; } = null!;

    // The coordinator exists only when a sync engine is registered (it needs an OVH account or demo mode).
    private SyncCoordinator? Coordinator => Services.GetService(typeof(SyncCoordinator)) as SyncCoordinator;

    private bool CanStart => Coordinator is not null;

    protected override async Task OnInitializedAsync()
    {
        live = new LiveUpdates(Notifier, InvokeAsync, StateHasChanged)
            // A step announced just before the run ended can reach the circuit after its end: a finished run shows none.
            .ShowProgress(running => progress = Coordinator is { IsRunning: true } ? running : null)
            .ShowAfterSync(FreshnessAfterSync, _ => true, shared => (progress, freshness) = (null, shared));
        progress = Coordinator?.Current;
        zone = await Settings.GetTimeZoneAsync();
        freshness = await Status.GetAsync();
    }

    private void StartNow()
    {
        if (Coordinator is { } coordinator && coordinator.TryStartNow(SyncRequest.Now()))
        {
            progress = coordinator.Current ?? new SyncProgress(SyncRequest.Now().Kind, "starting", 0, 0);
        }
    }

    // "Synchronisation : factures (2/5)": the step in the reader's words; a step without a label is still readable.
    private string RunningText(SyncProgress running)
    {
        var step = L["SyncStep." + running.Step.Replace(' ', '-')];
        var name = step.ResourceNotFound ? running.Step : step.Value;
        return running.Total > 0 ? L["SyncRunning", name, running.Done, running.Total] : L["SyncRunningNoCount", name];
    }

    public void Dispose() => live?.Dispose();
}

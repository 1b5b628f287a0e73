using System.Globalization;
using Microsoft.AspNetCore.Components;
using OvhCostManager.Core.Changes;
using OvhCostManager.Core.Sync;
using OvhCostManager.Web.Components.Shared;

namespace OvhCostManager.Web.Components.Changes;

/// <summary>The Changes view: the latest day against the day before, or against <c>?since=YYYY-MM-DD</c>.</summary>
public sealed partial class ChangesPage : IDisposable
{
    [Inject] private DailyChangesQuery Query { get; set; } = null!;

    [Inject] private SyncNotifier Notifier { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "since")] public string? Since { get; set; }

    private DailyChangesReport? report;
    private string? error;
    private LiveUpdates? live;

    private string? SinceValue => report?.ComparedWith?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override void OnInitialized() =>
        live = new LiveUpdates(Notifier, InvokeAsync, StateHasChanged).ReloadAfterSync(outcome => outcome.ConsumptionSnapshotStored, LoadAsync);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        error = null;
        var latest = await Query.GetAsync();
        if (Since is null || latest.Day is not { } day)
        {
            report = latest;
            return;
        }

        if (DateOnly.TryParseExact(Since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since) && since < day)
        {
            report = await Query.GetAsync(since: since);
            return;
        }

        error = L["InvalidSince", Since, Formats.Date(day)];
        report = latest;
    }

    private DateTime? SinceDate => report?.ComparedWith?.ToDateTime(TimeOnly.MinValue);

    // The day before the latest: a later day has nothing to compare.
    private DateTime? LatestDate => report?.Day?.AddDays(-1).ToDateTime(TimeOnly.MinValue);

    private void CompareWith(DateTime? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("since", value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public void Dispose() => live?.Dispose();
}

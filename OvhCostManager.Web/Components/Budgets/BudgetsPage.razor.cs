using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using OvhCostManager.Core.Budgets;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Overview;
using OvhCostManager.Core.Sync;
using OvhCostManager.Web.Components.Shared;
using OvhCostManager.Web.Hosting.Authentication;

namespace OvhCostManager.Web.Components.Budgets;

/// <summary>The budgets of the header's month (incurred lens), their history and, for editors, the form that changes them.</summary>
public sealed partial class BudgetsPage
{
    private LiveUpdates? live;
    private BudgetReport? report;
    private IReadOnlyList<BudgetChange> history = [];
    private IReadOnlyList<(string Id, string Name)> projects = [];
    private TimeZoneInfo zone = TimeZoneInfo.Utc;
    private string month = "";
    private bool monthError;
    private bool canEdit;
    private string? message;
    private bool messageIsError;

    [Inject] private BudgetProgressQuery Progress { get; set; } = null!;
    [Inject] private BudgetStore Budgets { get; set; } = null!;
    [Inject] private OverviewQueries Overview { get; set; } = null!;
    [Inject] private AccountSettingsStore Settings { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private DashboardUser User { get; set; } = null!;
    [Inject] private SyncNotifier Notifier { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> Text { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "month")] public string? MonthParameter { get; set; }

    protected override void OnInitialized() =>
        live = new LiveUpdates(Notifier, InvokeAsync, StateHasChanged)
            .ReloadAfterSync(outcome => outcome.ConsumptionSnapshotStored || outcome.BillsImported > 0, _ => LoadAsync());

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var billed = await Overview.GetBilledMonthsAsync();
        zone = await Settings.GetTimeZoneAsync();
        if (!MonthQuery.TryResolve(MonthParameter, billed, out month, out monthError) && month.Length == 0)
        {
            // Nothing billed yet: budgets can still be set, from the month in progress.
            month = BillingMonth.Of(Time.GetUtcNow(), zone);
        }

        report = await Progress.GetAsync(month);
        history = await Budgets.HistoryAsync();
        projects = (await Progress.GetProjectsAsync()).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        canEdit = await User.CanEditBudgetsAsync();
    }

    /// <summary>Checks the right on the server before anything is saved: a reader's circuit has no form, and is refused if it sends one.</summary>
    private async Task SaveAsync(BudgetEdit edit)
    {
        messageIsError = true;
        if (!await User.CanEditBudgetsAsync())
        {
            message = Text["BudgetsRefused"];
            return;
        }

        if (!BillingMonth.TryParse(edit.FromMonth, out var from, out _))
        {
            message = Text["BudgetBadMonth", edit.FromMonth];
            return;
        }

        if (!BudgetThresholds.TryParse(edit.Thresholds, out var thresholds))
        {
            message = Text["BudgetBadThresholds", edit.Thresholds];
            return;
        }

        if (edit.Amount is < 0 || (edit.Scope.Kind != BudgetScopeKind.Account && string.IsNullOrWhiteSpace(edit.Scope.Key)))
        {
            message = Text["BudgetBadScope"];
            return;
        }

        await Budgets.SaveAsync(edit.Scope, from, edit.Amount is { } a ? Money.FromDecimal(a) : null, thresholds, await User.NameAsync());
        (message, messageIsError) = (Text["BudgetSaved"], false);
        await LoadAsync();
    }

    public void Dispose() => live?.Dispose();
}

using Microsoft.AspNetCore.Components;
using OvhCostManager.Core.BillLines;
using OvhCostManager.Core.Budgets;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Expiring;
using OvhCostManager.Core.Overview;
using OvhCostManager.Core.Sync;
using OvhCostManager.Web.Components.Shared;
using OvhCostManager.Web.Hosting.Authentication;

namespace OvhCostManager.Web.Components.Overview;

/// <summary>The Overview tab: composes the widgets for <c>?month=</c>, drills into <c>?project=</c>, projects with <c>?projected=1</c>.</summary>
public sealed partial class OverviewPage : IDisposable
{
    private LiveUpdates? live;
    private OverviewReport? report;
    private IReadOnlyList<ExpiringService> expiring = [];
    private BillLineFilter? projectLines;
    private string month = "";
    private bool loading = true;
    private bool monthError;
    private bool projectError;

    [Inject] private OverviewQueries Overview { get; set; } = null!;
    [Inject] private ViewsAfterSync<(string Month, CostLens Lens), OverviewReport> SharedReports { get; set; } = null!;
    [Inject] private BillLineQueries Lines { get; set; } = null!;
    [Inject] private ExpiringServiceQueries Expiring { get; set; } = null!;
    [Inject] private BudgetStore Budgets { get; set; } = null!;
    [Inject] private DashboardUser User { get; set; } = null!;
    [Inject] private SyncNotifier Notifier { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "month")] public string? MonthParameter { get; set; }
    [SupplyParameterFromQuery(Name = "project")] public string? ProjectParameter { get; set; }
    [SupplyParameterFromQuery(Name = "projected")] public string? ProjectedParameter { get; set; }
    [SupplyParameterFromQuery(Name = "family")] public string? FamilyParameter { get; set; }
    [SupplyParameterFromQuery(Name = "lens")] public string? LensParameter { get; set; }

    private CostLens Lens => DashboardUrl.Lens(LensParameter, out _);

    private bool Projected => ProjectedParameter == "1";

    /// <summary>The pie slice opened in the resource-type table (<c>?family=storage</c>); none for every type.</summary>
    private CostFamily? Family => Enum.TryParse<CostFamily>(FamilyParameter, ignoreCase: true, out var family) && Enum.IsDefined(family) ? family : null;

    private bool FamilyError => !string.IsNullOrEmpty(FamilyParameter) && Family is null;

    private string ProjectName => report?.Projects.FirstOrDefault(p => p.ProjectId == ProjectParameter)?.Name ?? ProjectParameter ?? "";

    protected override void OnInitialized() =>
        // A new consumption snapshot (or new bills) changes the figures of the month this page shows.
        live = new LiveUpdates(Notifier, InvokeAsync, StateHasChanged)
            .ReloadAfterSync(outcome => outcome.ConsumptionSnapshotStored || outcome.BillsImported > 0, outcome => LoadAsync(outcome));

    protected override Task OnParametersSetAsync() => LoadAsync();

    /// <param name="finished">After a sync: the pages open on the same month and lens share one read of it.</param>
    private async Task LoadAsync(SyncOutcome? finished = null)
    {
        var billed = await Overview.GetBilledMonthsAsync();
        var found = MonthQuery.TryResolve(MonthParameter, billed, out month, out monthError);
        report = !found && month.Length == 0 ? null
            : finished is null ? await Overview.GetAsync(month, Lens)
            : await SharedReports.GetAsync(finished, (month, Lens));
        expiring = await Expiring.GetAsync(ExpiringServiceQueries.DefaultWindowDays);
        projectLines = null;
        projectError = false;
        if (report is not null && !string.IsNullOrEmpty(ProjectParameter))
        {
            if (await Lines.ProjectExistsAsync(ProjectParameter))
            {
                projectLines = new BillLineFilter([month]) { CloudProjectId = ProjectParameter, Lens = Lens };
            }
            else
            {
                projectError = true;
            }
        }

        canEditBudget = await User.CanEditBudgetsAsync();
        loading = false;
    }

    private string ProjectLink(string? projectId) =>
        "/" + Navigation.ToBaseRelativePath(Navigation.GetUriWithQueryParameter("project", projectId));

    private string FamilyLink(CostFamily? family) =>
        "/" + Navigation.ToBaseRelativePath(Navigation.GetUriWithQueryParameter("family", family?.ToString().ToLowerInvariant()));

    private void SelectProject(string projectId) => Navigation.NavigateTo(ProjectLink(projectId));

    private void SetProjected(bool projected) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("projected", projected ? "1" : null));

    private bool canEditBudget;

    /// <summary>The account budget from the month on screen on, with the thresholds it had; refused to readers.</summary>
    private async Task SaveBudgetAsync(Money? budget)
    {
        if (!await User.CanEditBudgetsAsync())
        {
            return;
        }

        var current = (await Budgets.InForceAsync(month)).FirstOrDefault(b => b.Scope == BudgetScope.Account);
        await Budgets.SaveAsync(BudgetScope.Account, month, budget, current?.Thresholds ?? BudgetThresholds.Default, await User.NameAsync());
        await LoadAsync();
    }

    public void Dispose() => live?.Dispose();
}

using Microsoft.AspNetCore.Components;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Overview;
using OvhCostManager.Core.Trends;
using OvhCostManager.Web.Components.Shared;

namespace OvhCostManager.Web.Components.Trends;

/// <summary>The Trends tab: <c>?window=N</c> months ending on <c>?month=</c>, or <c>?from=&amp;to=</c>.</summary>
public sealed partial class TrendsPage
{
    private TrendReport? report;
    private List<string> months = [];
    private string? error;
    private bool loading = true;

    [Inject] private TrendQueries Trends { get; set; } = null!;
    [Inject] private OverviewQueries Overview { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "month")] public string? Month { get; set; }
    [SupplyParameterFromQuery(Name = "window")] public string? Window { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "lens")] public string? LensParameter { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var billed = await Overview.GetBilledMonthsAsync();
        error = null;
        report = null;
        if (billed.Count > 0)
        {
            months = billed.Order(StringComparer.Ordinal).ToList();
            if (!MonthQuery.TryResolve(Month, billed, out var end, out var malformed) && malformed)
            {
                error = L["InvalidMonth", Month ?? "", Formats.MonthLabel(end)];
            }

            var problem = TrendWindow.TryParse(Window, From, To, end, out var window);
            if (problem != TrendWindowError.None)
            {
                error = L["TrendWindowError." + problem, Window ?? "", From ?? "", To ?? "", TrendWindow.MinMonths, TrendWindow.MaxMonths, TrendWindow.DefaultMonths];
            }

            report = await Trends.GetAsync(window, DashboardUrl.Lens(LensParameter, out _));
        }

        loading = false;
    }

    private string WindowLink(int preset) =>
        "/" + Navigation.ToBaseRelativePath(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["window"] = preset, ["from"] = null, ["to"] = null }));

    private void Custom(string from, string to) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["from"] = from, ["to"] = to, ["window"] = null }));
}

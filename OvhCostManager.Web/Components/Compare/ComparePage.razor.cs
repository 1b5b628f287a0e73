using Microsoft.AspNetCore.Components;
using OvhCostManager.Core.Compare;
using OvhCostManager.Core.Costs;
using MudBlazor;
using OvhCostManager.Core.Overview;
using OvhCostManager.Web.Components.Shared;

namespace OvhCostManager.Web.Components.Compare;

/// <summary>The Compare tab: <c>?a=</c> and <c>?b=</c> (defaults: the two latest billed months).</summary>
public sealed partial class ComparePage
{
    private CompareReport? report;
    private IReadOnlyList<string> months = [];
    private List<ChartSeries<double>> series = [];
    private string[] labels = [];
    private string? error;
    private bool loading = true;

    [Inject] private CompareQueries Compare { get; set; } = null!;
    [Inject] private OverviewQueries Overview { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "a")] public string? A { get; set; }
    [SupplyParameterFromQuery(Name = "b")] public string? B { get; set; }

    /// <summary>The header's month: month B when <c>?b=</c> is not given (month A then defaults to the month before it).</summary>
    [SupplyParameterFromQuery(Name = "month")] public string? Month { get; set; }

    [SupplyParameterFromQuery(Name = "lens")] public string? LensParameter { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var billed = await Overview.GetBilledMonthsAsync();
        months = billed;
        error = null;
        report = null;
        if (billed.Count > 0)
        {
            var b = Read(B ?? Month, billed[0]);
            var a = Read(A, BillingMonth.Previous(b));
            report = await Compare.GetAsync(a, b, DashboardUrl.Lens(LensParameter, out _));
            DrawChart(report);
        }

        loading = false;
    }

    private string Read(string? value, string fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        if (BillingMonth.TryParse(value, out var month, out _))
        {
            return month;
        }

        error = L["InvalidMonth", value, Formats.MonthLabel(fallback)];
        return fallback;
    }

    private void Go(string a, string b) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["a"] = a, ["month"] = b, ["b"] = null }));

    private void DrawChart(CompareReport compared)
    {
        labels = compared.ByCategory.Select(r => L["Category." + r.Key].Value).ToArray();
        series =
        [
            new ChartSeries<double> { Name = Formats.MonthTitle(compared.MonthA), Data = compared.ByCategory.Select(r => (double)r.A.RoundedToCent).ToArray() },
            new ChartSeries<double> { Name = Formats.MonthTitle(compared.MonthB), Data = compared.ByCategory.Select(r => (double)r.B.RoundedToCent).ToArray() },
        ];
    }
}

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

    protected override async Task OnParametersSetAsync()
    {
        var billed = await Overview.GetBilledMonthsAsync();
        months = billed;
        error = null;
        report = null;
        if (billed.Count > 0)
        {
            var defaultB = billed[0];
            var defaultA = billed.Count > 1 ? billed[1] : BillingMonth.Previous(billed[0]);
            var a = Read(A, defaultA);
            var b = Read(B, defaultB);
            report = await Compare.GetAsync(a, b);
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
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["a"] = a, ["b"] = b }));

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

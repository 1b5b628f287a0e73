using Microsoft.AspNetCore.Components;
using OvhCostManager.Core.Compare;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Overview;
using OvhCostManager.Web.Components.Shared;

namespace OvhCostManager.Web.Components.Compare;

/// <summary>The Compare tab: <c>?a=</c> and <c>?b=</c> (defaults: the two latest billed months).</summary>
public sealed partial class ComparePage
{
    private CompareReport? report;
    private List<MonthOption> months = [];
    private string? error;
    private bool loading = true;

    [Inject] private CompareQueries Compare { get; set; } = null!;
    [Inject] private OverviewQueries Overview { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "a")] public string? A { get; set; }
    [SupplyParameterFromQuery(Name = "b")] public string? B { get; set; }

    public sealed record MonthOption(string Value, string Label);

    private sealed record BarPoint(string Label, decimal Value);

    protected override async Task OnParametersSetAsync()
    {
        var billed = await Overview.GetBilledMonthsAsync();
        months = billed.Select(m => new MonthOption(m, Formats.MonthTitle(m))).ToList();
        error = null;
        report = null;
        if (billed.Count > 0)
        {
            var defaultB = billed[0];
            var defaultA = billed.Count > 1 ? billed[1] : BillingMonth.Previous(billed[0]);
            var a = Read(A, defaultA);
            var b = Read(B, defaultB);
            report = await Compare.GetAsync(a, b);
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

    private IEnumerable<BarPoint> Bars(Func<CompareRow, Money> pick) =>
        report!.ByCategory.Select(r => new BarPoint(L["Category." + r.Key], pick(r).RoundedToCent));

    private string Axis(object value) =>
        Formats.Amount(Money.FromDecimal(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)), report?.Currency ?? "EUR");
}

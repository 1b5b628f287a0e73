using Microsoft.AspNetCore.Components;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Web.Components.Shared;

/// <summary>
/// The header's month and lens live in the URL (<c>?month=</c>, <c>?lens=</c>): every tab that has a month reads
/// them, and moving between tabs carries them along.
/// </summary>
public static class DashboardUrl
{
    /// <summary>Tabs whose figures are of one month and one lens (the others hide the header's month and lens).</summary>
    private static readonly string[] MonthTabs = ["", "overview", "compare", "trends", "inventory"];

    public static bool HasMonth(NavigationManager navigation) => MonthTabs.Contains(Path(navigation), StringComparer.Ordinal);

    /// <summary>The link to <paramref name="tab"/> keeping the current month and lens.</summary>
    public static string Carry(NavigationManager navigation, string tab)
    {
        var kept = new[] { "month", "lens" }
            .Select(name => (name, value: UrlQuery.Get(navigation.Uri, name)))
            .Where(p => !string.IsNullOrEmpty(p.value))
            .Select(p => $"{p.name}={Uri.EscapeDataString(p.value!)}")
            .ToList();
        return kept.Count == 0 ? tab : $"{tab}?{string.Join('&', kept)}";
    }

    /// <summary>
    /// Reads <c>?lens=</c>: absent gives the default lens; anything but <c>invoiced</c> / <c>incurred</c> gives the
    /// default too, with <paramref name="invalid"/> set so the page can say so.
    /// </summary>
    public static CostLens Lens(string? query, out bool invalid)
    {
        invalid = false;
        if (string.IsNullOrEmpty(query))
        {
            return CostLenses.Default;
        }

        invalid = !CostLenses.TryParse(query, out var lens, out _);
        return lens;
    }

    private static string Path(NavigationManager navigation) =>
        navigation.ToBaseRelativePath(navigation.Uri).Split('?', '#')[0].TrimEnd('/');
}

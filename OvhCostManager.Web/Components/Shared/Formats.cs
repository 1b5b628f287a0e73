using System.Globalization;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Overview;

namespace OvhCostManager.Web.Components.Shared;

/// <summary>How amounts, shares and months are written in the user's culture.</summary>
public static class Formats
{
    public static string Amount(Money money, string currency) => money.Format(currency, CultureInfo.CurrentCulture);

    public static string Percent(decimal value) => value.ToString("0.0", CultureInfo.CurrentCulture) + " %";

    /// <summary>"+12,3 %"; null when there is nothing to compare with.</summary>
    public static string? SignedPercent(Variation variation) =>
        variation.Percent is { } p ? p.ToString("+0.0;-0.0;0.0", CultureInfo.CurrentCulture) + " %" : null;

    /// <summary>"novembre 2026" / "November 2026": a month inside a sentence, as the language writes it.</summary>
    public static string MonthLabel(string month) => BillingMonth.Days(month).First.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"Novembre 2026" / "November 2026": a month standing alone (heading, column, list entry).</summary>
    public static string MonthTitle(string month)
    {
        var label = MonthLabel(month);
        return label.Length == 0 ? label : char.ToUpper(label[0], CultureInfo.CurrentCulture) + label[1..];
    }

    /// <summary>"nov. 26" / "Nov 26", for chart axes.</summary>
    public static string ShortMonth(string month) => BillingMonth.Days(month).First.ToString("MMM yy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(utc, zone).ToString("g", CultureInfo.CurrentCulture);
}

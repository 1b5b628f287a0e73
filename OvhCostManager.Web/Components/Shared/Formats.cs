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

    /// <summary>"novembre 2026" / "November 2026".</summary>
    public static string MonthLabel(string month) =>
        CultureInfo.CurrentCulture.TextInfo.ToTitleCase(BillingMonth.Days(month).First.ToString("MMMM yyyy", CultureInfo.CurrentCulture));

    /// <summary>"nov. 26" / "Nov 26", for chart axes.</summary>
    public static string ShortMonth(string month) => BillingMonth.Days(month).First.ToString("MMM yy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(utc, zone).ToString("g", CultureInfo.CurrentCulture);
}

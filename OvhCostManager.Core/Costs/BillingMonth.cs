using System.Globalization;

namespace OvhCostManager.Core.Costs;

/// <summary>
/// The month (<c>YYYY-MM</c>) an instant belongs to, taken in the account's time zone: OVH issues bills and starts
/// consumption periods at local midnight (Europe/Paris for the EU API), so a bill dated 2025-05-31T23:30Z is a
/// June bill.
/// </summary>
public static class BillingMonth
{
    public static string Of(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Of(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

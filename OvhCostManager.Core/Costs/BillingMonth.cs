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

    /// <summary>
    /// Reads a month as written in URLs and on the command line (<c>2026-10</c>). Refuses anything else, including
    /// <c>2026-13</c>, with <paramref name="error"/> saying what is expected.
    /// </summary>
    public static bool TryParse(string? text, out string month, out string error)
    {
        month = "";
        if (text is { Length: 7 } && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var monthNumber)
            && year is >= 2000 and <= 2100 && monthNumber is >= 1 and <= 12)
        {
            month = text;
            error = "";
            return true;
        }

        error = $"'{text}' is not a month: expected YYYY-MM, e.g. 2026-10.";
        return false;
    }

    /// <summary>The first and last day of a <c>YYYY-MM</c> month.</summary>
    public static (DateOnly First, DateOnly Last) Days(string month)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The instant a <c>YYYY-MM</c> month starts: local midnight of its 1st in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartIn(string month, TimeZoneInfo zone)
    {
        var local = Days(month).First.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static string Previous(string month) => Of(Days(month).First.AddMonths(-1));

    public static string Next(string month) => Of(Days(month).First.AddMonths(1));
}

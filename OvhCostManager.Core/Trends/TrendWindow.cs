using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Trends;

/// <summary>Why a trend window from the URL was refused; the UI words it in the user's language.</summary>
public enum TrendWindowError
{
    None,
    WindowNotANumber,
    WindowOutOfRange,
    FromNotAMonth,
    ToNotAMonth,
    FromAfterTo,
    SpanTooLong,
}

/// <summary>N calendar months ending on <see cref="To"/>, every month of the window listed (empty ones too).</summary>
public sealed record TrendWindow(string From, string To)
{
    public const int MinMonths = 1;
    public const int MaxMonths = 120;
    public const int DefaultMonths = 12;
    public static readonly int[] Presets = [3, 6, 12, 24, 36];

    public IReadOnlyList<string> Months
    {
        get
        {
            var months = new List<string>();
            for (var m = To; string.CompareOrdinal(m, From) >= 0; m = BillingMonth.Previous(m))
            {
                months.Insert(0, m);
            }

            return months;
        }
    }

    public static TrendWindow Ending(string to, int months)
    {
        var from = to;
        for (var i = 1; i < months; i++)
        {
            from = BillingMonth.Previous(from);
        }

        return new TrendWindow(from, to);
    }

    /// <summary>
    /// Reads <c>?window=N</c> (N months ending on <paramref name="endMonth"/>) or <c>?from=&amp;to=</c> (a custom
    /// window, which wins); neither gives the default 12 months.
    /// </summary>
    public static TrendWindowError TryParse(string? window, string? from, string? to, string endMonth, out TrendWindow result)
    {
        result = Ending(endMonth, DefaultMonths);
        if (from is not null || to is not null)
        {
            if (!BillingMonth.TryParse(from, out var f, out _))
            {
                return TrendWindowError.FromNotAMonth;
            }

            if (!BillingMonth.TryParse(to ?? endMonth, out var t, out _))
            {
                return TrendWindowError.ToNotAMonth;
            }

            if (string.CompareOrdinal(f, t) > 0)
            {
                return TrendWindowError.FromAfterTo;
            }

            var custom = new TrendWindow(f, t);
            if (custom.Months.Count > MaxMonths)
            {
                return TrendWindowError.SpanTooLong;
            }

            result = custom;
            return TrendWindowError.None;
        }

        if (window is null)
        {
            return TrendWindowError.None;
        }

        if (!int.TryParse(window, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return TrendWindowError.WindowNotANumber;
        }

        if (n is < MinMonths or > MaxMonths)
        {
            return TrendWindowError.WindowOutOfRange;
        }

        result = Ending(endMonth, n);
        return TrendWindowError.None;
    }
}

using System.Globalization;

namespace OvhCostManager.Simulator;

/// <summary>OVH EU answers with Europe/Paris offsets; billing months are Paris calendar months.</summary>
internal static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset ToParis(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A Paris wall-clock time as an instant with its Paris offset.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public static string DateTime(DateTimeOffset instant) =>
        ToParis(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToParis(instant).DateTime);

    /// <summary>Midnight (Paris) of the day <paramref name="instant"/> falls in.</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset instant)
    {
        var day = DateOf(instant);
        return At(day.Year, day.Month, day.Day);
    }
}

/// <summary>A calendar month in Europe/Paris, the unit of OVH billing.</summary>
public readonly record struct BillingMonth(int Year, int Month) : IComparable<BillingMonth>
{
    private static readonly string[] FrenchNames =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    public static BillingMonth Of(DateTimeOffset instant)
    {
        var paris = ParisTime.ToParis(instant);
        return new(paris.Year, paris.Month);
    }

    public static BillingMonth Parse(string text) =>
        new(int.Parse(text[..4], CultureInfo.InvariantCulture), int.Parse(text[5..7], CultureInfo.InvariantCulture));

    public DateTimeOffset Start => ParisTime.At(Year, Month, 1);
    public DateTimeOffset End => Next.Start;
    public BillingMonth Next => AddMonths(1);
    public BillingMonth Previous => AddMonths(-1);
    public int Days => System.DateTime.DaysInMonth(Year, Month);
    public int Index => Year * 12 + Month - 1;
    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => new(Year, Month, Days);
    public string FrenchName => FrenchNames[Month - 1];
    public string EnglishName => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month);

    public BillingMonth AddMonths(int months)
    {
        var index = Index + months;
        return new(index / 12, index % 12 + 1);
    }

    public int CompareTo(BillingMonth other) => Index.CompareTo(other.Index);
    public static bool operator <(BillingMonth a, BillingMonth b) => a.Index < b.Index;
    public static bool operator >(BillingMonth a, BillingMonth b) => a.Index > b.Index;
    public static bool operator <=(BillingMonth a, BillingMonth b) => a.Index <= b.Index;
    public static bool operator >=(BillingMonth a, BillingMonth b) => a.Index >= b.Index;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}

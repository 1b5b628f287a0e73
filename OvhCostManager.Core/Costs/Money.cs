using System.Globalization;

namespace OvhCostManager.Core.Costs;

/// <summary>
/// An exact amount in the account currency, held as OVH's own integer unit: micro-cents ("Ucents",
/// value × 10^8, the unit of <c>priceInUcents</c> / <c>valueInUcents</c>). Sums are exact integer sums;
/// the database stores the same long, so SQL SUM() stays exact too.
/// </summary>
public readonly record struct Money(long Ucents) : IComparable<Money>
{
    public const long UcentsPerUnit = 100_000_000L;

    public static readonly Money Zero = new(0);

    /// <summary>The amount as a decimal in the currency (exact: 8 decimal places fit in a decimal).</summary>
    public decimal Amount => Ucents / (decimal)UcentsPerUnit;

    /// <summary>Converts OVH's decimal <c>value</c>; anything finer than a micro-cent is rounded half to even.</summary>
    public static Money FromDecimal(decimal amount) =>
        new((long)decimal.Round(amount * UcentsPerUnit, 0, MidpointRounding.ToEven));

    public static Money FromCents(long cents) => new(checked(cents * 1_000_000L));

    /// <summary>The amount rounded to the cent, half away from zero (how an invoice shows it).</summary>
    public decimal RoundedToCent => decimal.Round(Amount, 2, MidpointRounding.AwayFromZero);

    public static Money operator +(Money a, Money b) => new(checked(a.Ucents + b.Ucents));
    public static Money operator -(Money a, Money b) => new(checked(a.Ucents - b.Ucents));
    public static Money operator -(Money a) => new(-a.Ucents);
    public static bool operator <(Money a, Money b) => a.Ucents < b.Ucents;
    public static bool operator >(Money a, Money b) => a.Ucents > b.Ucents;
    public static bool operator <=(Money a, Money b) => a.Ucents <= b.Ucents;
    public static bool operator >=(Money a, Money b) => a.Ucents >= b.Ucents;

    public int CompareTo(Money other) => Ucents.CompareTo(other.Ucents);

    public static Money Sum(IEnumerable<Money> amounts)
    {
        long total = 0;
        foreach (var amount in amounts)
        {
            total = checked(total + amount.Ucents);
        }

        return new Money(total);
    }

    /// <summary>Formats rounded to the cent in the given culture, e.g. <c>1 234,56 €</c> (fr) or <c>€1,234.56</c> (en).</summary>
    public string Format(string currencyCode, CultureInfo culture) => Format(currencyCode, culture, 2);

    /// <summary>Formats with <paramref name="decimals"/> decimals (half away from zero): a price per hour needs four, <c>0,0566 €</c>.</summary>
    public string Format(string currencyCode, CultureInfo culture, int decimals)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = CurrencySymbol(currencyCode);
        return decimal.Round(Amount, decimals, MidpointRounding.AwayFromZero).ToString("C" + decimals.ToString(CultureInfo.InvariantCulture), format);
    }

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture);

    private static string CurrencySymbol(string code) => code switch
    {
        "EUR" => "€",
        "USD" => "$",
        "CAD" => "CA$",
        "GBP" => "£",
        _ => code,
    };
}

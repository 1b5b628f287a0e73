using System.Globalization;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// An amount in euros as a French or English reader expects it (<c>1 234,56 €</c>, <c>€1,234.56</c>), rounded to the
/// cent: expected values are written here from the culture's separators, not with <see cref="Money.Format"/>, which is
/// the code under test.
/// </summary>
public static class Euros
{
    public static string In(string language, Money amount)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var rounded = decimal.Round(amount.Ucents / 100_000_000m, 2, MidpointRounding.AwayFromZero);
        var sign = rounded < 0 ? culture.NumberFormat.NegativeSign : "";
        var digits = Math.Abs(rounded).ToString("#,##0.00", culture);
        return language switch
        {
            "fr" => $"{sign}{digits} €",
            "en" => $"{sign}€{digits}",
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Only fr and en are written here."),
        };
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Web.Components.Shared;

/// <summary>
/// What a <see cref="MudChart{T}"/> writes: amounts on axes and in tooltips in the reader's culture (MudChart's own tooltip
/// prints invariant numbers), and the one-sentence description a screen reader gets instead of the drawing.
/// </summary>
public static class ChartText
{
    public static Func<double, string> Axis(string currency) => value => Amount(value, currency);

    public static string Amount(double value, string currency) => Formats.Amount(Money.FromDecimal((decimal)value), currency);

    /// <summary>"Label : 12,34 €" for the point a tooltip shows (its y value arrives as an invariant string).</summary>
    public static string Tooltip(IStringLocalizer<SharedResource> l, SvgPath point, string currency, string? label = null) =>
        double.TryParse(point.LabelYValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            ? l["ChartPoint", label ?? point.LabelXValue, Amount(amount, currency)]
            : label ?? point.LabelXValue;

    /// <summary>"Compute : 1 234,00 €; Stockage : 56,00 €": the figures of a chart as text, for its <c>aria-label</c>.</summary>
    public static string Describe(IStringLocalizer<SharedResource> l, IEnumerable<(string Label, Money Amount)> points, string currency) =>
        string.Join("; ", points.Select(p => l["ChartPoint", p.Label, Formats.Amount(p.Amount, currency)].Value));
}

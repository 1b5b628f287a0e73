using System.Globalization;
using System.Resources;
using System.Text.Json;
using System.Text.RegularExpressions;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Alerts;

/// <summary>
/// Renders an alert from its kind and parameters in a culture: the in-app list in the reader's, the webhook and the
/// e-mail in <see cref="AlertOptions.Culture"/>. Texts live in <c>AlertResource</c> (<c>Alert.{Kind}</c>).
/// </summary>
public static partial class AlertText
{
    private static readonly ResourceManager Texts = new("OvhCostManager.Core.Alerts.AlertResource", typeof(AlertText).Assembly);

    public static string Render(string kind, string parametersJson, CultureInfo culture) =>
        Render(kind, JsonSerializer.Deserialize<Dictionary<string, string>>(parametersJson) ?? [], culture);

    public static string Render(string kind, IReadOnlyDictionary<string, string> parameters, CultureInfo culture)
    {
        var template = Texts.GetString("Alert." + kind, culture);
        if (template is null)
        {
            return string.Format(culture, Text("Unknown", culture), kind);
        }

        var currency = parameters.GetValueOrDefault("currency") ?? "EUR";
        return Placeholder().Replace(template, m => parameters.TryGetValue(m.Groups[1].Value, out var value)
            ? Format(m.Groups[1].Value, value, parameters, currency, culture)
            : m.Value);
    }

    /// <summary>A scope as a reader says it: "du compte", "de la famille Stockage", "of project web-prod".</summary>
    public static string Scope(string scope, string? name, CultureInfo culture)
    {
        var (kind, key) = scope.IndexOf(':') is var i and > 0 ? (scope[..i], scope[(i + 1)..]) : (scope, "");
        return kind switch
        {
            "account" => Text("Scope.Account", culture),
            "family" => string.Format(culture, Text("Scope.Family", culture), Text("Family." + key, culture) is { Length: > 0 } f ? f : key),
            "project" => string.Format(culture, Text("Scope.Project", culture), string.IsNullOrEmpty(name) ? key : name),
            _ => string.Format(culture, Text("Scope.Service", culture), key),
        };
    }

    internal static string Text(string name, CultureInfo culture) => Texts.GetString(name, culture) ?? "";

    private static string Format(string name, string value, IReadOnlyDictionary<string, string> parameters, string currency, CultureInfo culture)
    {
        if (name == "scope")
        {
            return Scope(value, parameters.GetValueOrDefault("scopeName"), culture);
        }

        if (name == "month" && BillingMonth.TryParse(value, out var month, out _))
        {
            return BillingMonth.Days(month).First.ToString("MMMM yyyy", culture);
        }

        if ((name == "day" || name.EndsWith("On", StringComparison.Ordinal)) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToString("d", culture);
        }

        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            if (name is "amount" or "budget" || name.EndsWith("Amount", StringComparison.Ordinal))
            {
                return Money.FromDecimal(number).Format(currency, culture);
            }

            return number.ToString("0.#", culture);
        }

        return value;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}

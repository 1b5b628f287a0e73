using System.Globalization;
using Microsoft.Extensions.Localization;
using OvhCostManager.Core.PayAsYouGo;

namespace OvhCostManager.Web.Components.PayAsYouGo;

/// <summary>Localised labels of plan families and usage quantities ("120 h d'utilisation", "150 GB stored").</summary>
public static class ConsumptionText
{
    public static string Usage(IStringLocalizer<BillingResource> b, ConsumptionUnit unit, decimal usage)
    {
        var number = usage.ToString(usage == decimal.Truncate(usage) ? "N0" : "N1", CultureInfo.CurrentCulture);
        return b["Unit" + unit, number];
    }

    public static string Family(IStringLocalizer<BillingResource> b, string planFamily)
    {
        var label = b["Family_" + planFamily];
        return label.ResourceNotFound ? Readable(planFamily) : label.Value;
    }

    /// <summary>A code OVH adds before we name it, made readable: "vrack-services" → "Vrack services", "objectStorage" → "Object storage".</summary>
    public static string Readable(string code)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(code.Trim(), "(?<=[a-z0-9])(?=[A-Z])|[-_.]+", " ").ToLowerInvariant().Trim();
        return words.Length == 0 ? code : char.ToUpperInvariant(words[0]) + words[1..];
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using OvhCostManager.Core.Inventory;
using Radzen;

namespace OvhCostManager.Web.Components.Inventory;

/// <summary>Localised specs, renewal and expiry texts of inventory rows, and the colour of each expiry alert.</summary>
public static class InventoryText
{
    public static string Specs(IStringLocalizer<BillingResource> b, ServiceSpecs s)
    {
        var c = CultureInfo.CurrentCulture;
        var parts = new List<string?>
        {
            s.Offer,
            s.Cpu,
            s.Vcores is { } v ? b["SpecsVcores", v].Value : null,
            s.MemoryMb is { } m ? b["SpecsMemory", (m / 1024m).ToString("0.#", c)].Value : null,
            s.Disk,
            s.DiskGb is { } d ? b["SpecsDiskGb", d.ToString("N0", c)].Value : null,
            s.Gpu,
            s.StorageBytes is { } bytes and > 0 ? b["SpecsStorage", (bytes / (1024m * 1024 * 1024)).ToString("N0", c)].Value : null,
            s.Shares is { } shares ? b["SpecsShares", shares].Value : null,
        };
        return string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    public static string Alert(IStringLocalizer<BillingResource> b, ExpiryAlert alert) => b["Alert_" + alert];

    public static BadgeStyle AlertStyle(ExpiryAlert alert) => alert switch
    {
        ExpiryAlert.Expired => BadgeStyle.Danger,
        ExpiryAlert.Within7Days => BadgeStyle.Warning,
        ExpiryAlert.Within30Days => BadgeStyle.Info,
        _ => BadgeStyle.Light,
    };

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";
}

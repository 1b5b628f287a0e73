using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using OvhCostManager.Core.Inventory;
using OvhCostManager.Web.Components.Shared;

namespace OvhCostManager.Web.Components.Inventory;

/// <summary>Localised specs, states, renewal and expiry texts of inventory rows, and the colour of each expiry alert.</summary>
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

    /// <summary>A state or status code (<c>ok</c>, <c>running</c>, <c>ACTIVE</c>, <c>SHUTOFF</c>…) in the reader's language.</summary>
    public static string State(IStringLocalizer<BillingResource> b, string? code) => CodeLabel.Of(b, "State_", code);

    public static string Alert(IStringLocalizer<BillingResource> b, ExpiryAlert alert) => b["Alert_" + alert];

    public static Color AlertColor(ExpiryAlert alert) => alert switch
    {
        ExpiryAlert.Expired => Color.Error,
        ExpiryAlert.Within7Days => Color.Warning,
        ExpiryAlert.Within30Days => Color.Info,
        _ => Color.Default,
    };

    /// <summary>The row's class: expired rows and those due within 7 days are tinted (theme colours, both modes).</summary>
    public static string RowClass(ExpiryAlert alert) => alert switch
    {
        ExpiryAlert.Expired => "ocm-row-expired",
        ExpiryAlert.Within7Days => "ocm-row-soon",
        _ => "",
    };

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";
}

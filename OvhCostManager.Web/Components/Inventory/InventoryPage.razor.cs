using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using OvhCostManager.Core.BillLines;
using OvhCostManager.Core.Costs;
using OvhCostManager.Web.Components.Shared;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Inventory;

namespace OvhCostManager.Web.Components.Inventory;

public partial class InventoryPage
{
    [Inject] private InventoryQuery Query { get; set; } = null!;

    [Inject] private AccountSettingsStore Settings { get; set; } = null!;

    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private BillLineQueries Lines { get; set; } = null!;

    /// <summary><c>?month=YYYY-MM</c>; the latest billed month when absent or malformed.</summary>
    [SupplyParameterFromQuery(Name = "month")] public string? RequestedMonth { get; set; }

    [SupplyParameterFromQuery(Name = "lens")] public string? LensParameter { get; set; }

    private InventoryView? view;
    private string? month;
    private string? monthError;
    private TimeZoneInfo zone = TimeZoneInfo.Utc;
    private bool alertsOnly;
    private string? linesOf;
    private IReadOnlyList<BillLineRow>? lines;
    private CloudProjectDetail? project;
    private string projectName = "";

    protected override async Task OnParametersSetAsync()
    {
        zone = await Settings.GetTimeZoneAsync();
        monthError = null;
        if (!string.IsNullOrEmpty(RequestedMonth) && BillingMonth.TryParse(RequestedMonth, out var parsed, out _))
        {
            month = parsed;
        }
        else
        {
            if (!string.IsNullOrEmpty(RequestedMonth))
            {
                monthError = B["InventoryBadMonth", RequestedMonth];
            }

            month = await Query.GetLatestBilledMonthAsync() ?? BillingMonth.Of(Time.GetUtcNow(), zone);
        }

        view = await Query.GetAsync(month, DashboardUrl.Lens(LensParameter, out _));
        lines = null;
        linesOf = null;
        project = null;
    }

    private IReadOnlyList<InventoryService> Filter(IReadOnlyList<InventoryService> services) =>
        alertsOnly ? services.Where(s => s.Alert != ExpiryAlert.None || s.RenewalMode == RenewalMode.Manual).ToList() : services;

    private string AlertSummary
    {
        get
        {
            var all = view!.AllServices.Concat(view.Other).ToList();
            return B["AlertSummary",
                all.Count(s => s.Alert == ExpiryAlert.Expired),
                all.Count(s => s.Alert == ExpiryAlert.Within7Days),
                all.Count(s => s.Alert == ExpiryAlert.Within30Days),
                all.Count(s => s.RenewalMode == RenewalMode.Manual)];
        }
    }

    private Task ShowLinesAsync(InventoryService service) => ShowLinesAsync(service.ServiceName);

    private async Task ShowLinesAsync(string serviceName)
    {
        linesOf = serviceName;
        lines = await Lines.GetAsync(new BillLineFilter([view!.Month]) { ServiceName = serviceName, Lens = DashboardUrl.Lens(LensParameter, out _) });
    }

    private void CloseLines()
    {
        lines = null;
        linesOf = null;
    }

    private async Task ShowProjectAsync(InventoryCloudProject selected)
    {
        projectName = selected.Name;
        project = await Query.GetCloudProjectAsync(selected.Id, view!.Month);
    }
}

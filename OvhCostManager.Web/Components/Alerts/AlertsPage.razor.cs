using System.Globalization;
using Microsoft.AspNetCore.Components;
using OvhCostManager.Core.Alerts;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Web.Components.Shared;
using OvhCostManager.Web.Hosting.Authentication;

namespace OvhCostManager.Web.Components.Alerts;

/// <summary>The alerts raised so far, newest first, read or unread for the signed-in user (one shared reader without sign-in).</summary>
public sealed partial class AlertsPage
{
    private IReadOnlyList<AlertView> alerts = [];
    private TimeZoneInfo zone = TimeZoneInfo.Utc;
    private string reader = DashboardUser.AnonymousReader;

    [Inject] private AlertStore Store { get; set; } = null!;
    [Inject] private AlertNotifier Notifier { get; set; } = null!;
    [Inject] private AccountSettingsStore Settings { get; set; } = null!;
    [Inject] private DashboardUser User { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        Notifier.Changed += OnChangedAsync;
        reader = await User.ReaderAsync();
        zone = await Settings.GetTimeZoneAsync();
        await LoadAsync();
    }

    private async Task LoadAsync() => alerts = await Store.ListAsync(reader);

    private Task OnChangedAsync() => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    private async Task MarkReadAsync(long id) => await Store.MarkReadAsync(reader, [id]);

    private async Task MarkAllReadAsync() => await Store.MarkReadAsync(reader, null);

    private static string Render(AlertView alert) => AlertText.Render(alert.Kind, alert.Parameters, CultureInfo.CurrentCulture);

    private string Deliveries(AlertView alert) => alert.Deliveries.Count == 0
        ? L["AlertsInAppOnly"]
        : string.Join(" · ", alert.Deliveries.Select(d => d.Status switch
        {
            AlertDeliveryStatus.Delivered => L["AlertsDelivered", L["AlertsChannel" + d.Channel], Formats.DateTime(d.DeliveredAtUtc!.Value, zone)],
            AlertDeliveryStatus.Failed => L["AlertsFailed", L["AlertsChannel" + d.Channel], d.Attempts, d.LastError ?? ""],
            _ => L["AlertsPending", L["AlertsChannel" + d.Channel], d.Attempts],
        }));

    public void Dispose() => Notifier.Changed -= OnChangedAsync;
}

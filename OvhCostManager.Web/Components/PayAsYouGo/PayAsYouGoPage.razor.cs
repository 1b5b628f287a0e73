using System.Globalization;
using Microsoft.AspNetCore.Components;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.PayAsYouGo;
using OvhCostManager.Core.Sync;
using OvhCostManager.Web.Components.Shared;

namespace OvhCostManager.Web.Components.PayAsYouGo;

public partial class PayAsYouGoPage
{
    [Inject] private PayAsYouGoQuery Query { get; set; } = null!;

    [Inject] private ForecastTrackRecordQuery TrackRecord { get; set; } = null!;

    [Inject] private SyncNotifier Notifier { get; set; } = null!;

    [Inject] private ViewAfterSync<PayAsYouGoView> SharedView { get; set; } = null!;

    private PayAsYouGoView? view;
    private ForecastTrackRecord? trackRecord;
    private LiveUpdates? live;

    protected override void OnInitialized() =>
        live = new LiveUpdates(Notifier, InvokeAsync, StateHasChanged)
            .ReloadAfterSync(_ => true, async outcome =>
            {
                if (outcome.ConsumptionSnapshotStored)
                {
                    view = await SharedView.GetAsync(outcome);
                }

                // A month is scored once its bill arrives, which a bill sync brings: any run may change it.
                trackRecord = await TrackRecord.GetAsync();
            });

    protected override async Task OnInitializedAsync()
    {
        view = await Query.GetAsync();
        trackRecord = await TrackRecord.GetAsync();
    }

    private string Amount(Money amount) => amount.Format(view!.Currency, CultureInfo.CurrentCulture);

    private string LocalDate(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, view!.TimeZone).ToString("d", CultureInfo.CurrentCulture);

    private string PreviousText => view?.Previous switch
    {
        { BilledAtUtc: { } billed } => B["billing_payasyougo_previous_billed", LocalDate(billed)],
        { } previous => B["billing_payasyougo_previous_not_billed", previous.Month],
        null => B["PaygNone"],
    };

    public void Dispose() => live?.Dispose();
}

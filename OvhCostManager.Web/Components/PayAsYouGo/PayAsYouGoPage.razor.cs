using System.Globalization;
using Microsoft.AspNetCore.Components;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.PayAsYouGo;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Web.Components.PayAsYouGo;

public partial class PayAsYouGoPage
{
    [Inject] private PayAsYouGoQuery Query { get; set; } = null!;

    [Inject] private SyncNotifier Notifier { get; set; } = null!;

    [Inject] private ViewAfterSync<PayAsYouGoView> SharedView { get; set; } = null!;

    private PayAsYouGoView? view;
    private IDisposable? subscription;
    private CultureInfo culture = CultureInfo.CurrentCulture;
    private CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    protected override void OnInitialized()
    {
        (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        subscription = Notifier.OnFinished(OnSyncFinishedAsync);
    }

    protected override async Task OnInitializedAsync() => view = await Query.GetAsync();

    private Task OnSyncFinishedAsync(SyncOutcome outcome) => !outcome.ConsumptionSnapshotStored
        ? Task.CompletedTask
        : InvokeAsync(async () =>
        {
            // The notifier calls from the sync's thread: render in the reader's language, not the server's.
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            view = await SharedView.GetAsync(outcome);
            StateHasChanged();
        });

    private string Amount(Money amount) => amount.Format(view!.Currency, CultureInfo.CurrentCulture);

    private string LocalDate(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, view!.TimeZone).ToString("d", CultureInfo.CurrentCulture);

    private string PreviousText => view?.Previous switch
    {
        { BilledAtUtc: { } billed } => B["billing_payasyougo_previous_billed", LocalDate(billed)],
        { } previous => B["billing_payasyougo_previous_not_billed", previous.Month],
        null => B["PaygNone"],
    };

    public void Dispose() => subscription?.Dispose();
}

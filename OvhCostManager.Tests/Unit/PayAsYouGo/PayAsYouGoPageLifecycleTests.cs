using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.PayAsYouGo;
using OvhCostManager.Core.Sync;
using OvhCostManager.Tests.Integration.Data;
using OvhCostManager.Web.Components.PayAsYouGo;
using MudBlazor.Services;

namespace OvhCostManager.Tests.Unit.PayAsYouGo;

/// <summary>The Pay-as-you-go page rendered by bUnit over the store's real services, in French.</summary>
public sealed class PayAsYouGoPageLifecycleTests : IAsyncLifetime
{
    private const string Current = "[data-kpi='current'] .ocm-kpi-value";

    private readonly BunitContext context = new();
    private StoreDatabase database = null!;

    // Set here, not in InitializeAsync: a culture set inside an async method does not flow back to the test.
    public PayAsYouGoPageLifecycleTests() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");

    public async Task InitializeAsync()
    {
        database = await StoreDatabase.CreateAsync();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services
            .AddSingleton(database.Get<PayAsYouGoQuery>())
            .AddSingleton(database.Get<ForecastTrackRecordQuery>())
            .AddSingleton(database.Get<SyncNotifier>())
            .AddSingleton(database.Get<ViewAfterSync<PayAsYouGoView>>())
            .AddLocalization(o => o.ResourcesPath = "Resources")
            .AddMudServices();
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task The_page_subscribes_while_open_updates_on_a_new_snapshot_and_unsubscribes_when_closed()
    {
        await AddCurrentSnapshotAsync(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero), 45.23m);
        var notifier = database.Get<SyncNotifier>();
        var before = notifier.SubscriberCount;

        var page = context.Render<PayAsYouGoPage>();

        page.WaitForAssertion(() => Assert.Equal("45,23 €", Text(page, Current)));
        Assert.Equal(before + 1, notifier.SubscriberCount);
        Assert.Equal("Estimation à ce jour (18/11/2026)", Text(page, "[data-kpi='current'] .ocm-kpi-text"));
        Assert.Contains("10:00", Text(page, ".ocm-freshness"));

        await AddCurrentSnapshotAsync(new DateTimeOffset(2026, 11, 18, 9, 30, 0, TimeSpan.Zero), 57.80m);
        await notifier.PublishFinishedAsync(Outcome(consumptionStored: false));
        Assert.Equal("45,23 €", Text(page, Current));

        await notifier.PublishFinishedAsync(Outcome(consumptionStored: true));
        page.WaitForAssertion(() => Assert.Equal("57,80 €", Text(page, Current)));
        Assert.Contains("10:30", Text(page, ".ocm-freshness"));

        await context.DisposeComponentsAsync();
        Assert.Equal(before, notifier.SubscriberCount);
    }

    [Fact]
    public async Task Ten_pages_opened_and_closed_leave_no_subscription_behind()
    {
        var notifier = database.Get<SyncNotifier>();
        var pages = Enumerable.Range(0, 10).Select(_ => context.Render<PayAsYouGoPage>()).ToList();

        pages[0].WaitForAssertion(() => Assert.Contains("Aucune consommation relevée", Text(pages[0], ".ocm-empty")));
        Assert.Equal(10, notifier.SubscriberCount);

        await context.DisposeComponentsAsync();
        Assert.Equal(0, notifier.SubscriberCount);
    }

    private static string Text(IRenderedComponent<PayAsYouGoPage> page, string selector) =>
        page.Find(selector).TextContent.Replace('\u00A0', ' ').Replace('\u202F', ' ').Trim();

    private static SyncOutcome Outcome(bool consumptionStored) =>
        new(1, SyncRunKind.Consumption, SyncRunStatus.Success, 0, 0, 3, 0, consumptionStored, TimeSpan.FromSeconds(1), null);

    private Task AddCurrentSnapshotAsync(DateTimeOffset takenAt, decimal amount) =>
        database.Get<ConsumptionStore>().AddSnapshotAsync(new ConsumptionSnapshot
        {
            TakenAtUtc = takenAt,
            Kind = ConsumptionKind.Current,
            PeriodStartUtc = new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero),
            Items = [new ConsumptionSnapshotItem { ServiceId = 1, PlanFamily = "instance", PlanCode = "b3-8.consumption", Quantity = 120, Amount = Money.FromDecimal(amount) }],
        });
}

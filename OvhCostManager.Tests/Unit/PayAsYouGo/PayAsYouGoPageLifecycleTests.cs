using System.Globalization;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Tests.Integration.Data;
using OvhCostManager.Web.Components.PayAsYouGo;
using Radzen;

namespace OvhCostManager.Tests.Unit.PayAsYouGo;

public sealed class PayAsYouGoPageLifecycleTests
{
    [Fact]
    public async Task The_page_subscribes_while_open_updates_on_a_new_snapshot_and_unsubscribes_when_closed()
    {
        await using var database = await StoreDatabase.CreateAsync();
        await AddCurrentSnapshotAsync(database, new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero), 45.23m);
        var notifier = database.Get<SyncNotifier>();
        var before = notifier.SubscriberCount;

        await using (var rendered = await PageRenderer.RenderAsync(database))
        {
            Assert.Equal(before + 1, notifier.SubscriberCount);
            Assert.Equal("45,23 €", await rendered.TextAsync("[data-kpi='current'] .ocm-kpi-value"));
            Assert.Equal("Estimation à ce jour (18/11/2026)", await rendered.TextAsync("[data-kpi='current'] .ocm-kpi-text"));
            Assert.Contains("10:00", await rendered.TextAsync(".ocm-freshness"));

            await AddCurrentSnapshotAsync(database, new DateTimeOffset(2026, 11, 18, 9, 30, 0, TimeSpan.Zero), 57.80m);
            await notifier.PublishFinishedAsync(Outcome(consumptionStored: false));
            Assert.Equal("45,23 €", await rendered.TextAsync("[data-kpi='current'] .ocm-kpi-value"));

            await notifier.PublishFinishedAsync(Outcome(consumptionStored: true));
            Assert.Equal("57,80 €", await rendered.TextAsync("[data-kpi='current'] .ocm-kpi-value"));
            Assert.Contains("10:30", await rendered.TextAsync(".ocm-freshness"));
        }

        Assert.Equal(before, notifier.SubscriberCount);
    }

    [Fact]
    public async Task Ten_pages_opened_and_closed_leave_no_subscription_behind()
    {
        await using var database = await StoreDatabase.CreateAsync();
        var notifier = database.Get<SyncNotifier>();
        var pages = new List<PageRenderer>();
        for (var i = 0; i < 10; i++)
        {
            pages.Add(await PageRenderer.RenderAsync(database));
        }

        Assert.Equal(10, notifier.SubscriberCount);
        Assert.Contains("Aucune consommation relevée", await pages[0].TextAsync(".ocm-empty"));
        foreach (var page in pages)
        {
            await page.DisposeAsync();
        }

        Assert.Equal(0, notifier.SubscriberCount);
    }

    private static SyncOutcome Outcome(bool consumptionStored) =>
        new(1, SyncRunKind.Consumption, SyncRunStatus.Success, 0, 0, 3, 0, consumptionStored, TimeSpan.FromSeconds(1), null);

    private static Task AddCurrentSnapshotAsync(StoreDatabase database, DateTimeOffset takenAt, decimal amount) =>
        database.Get<ConsumptionStore>().AddSnapshotAsync(new ConsumptionSnapshot
        {
            TakenAtUtc = takenAt,
            Kind = ConsumptionKind.Current,
            PeriodStartUtc = new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero),
            Items = [new ConsumptionSnapshotItem { ServiceId = 1, PlanFamily = "instance", PlanCode = "b3-8.consumption", Quantity = 120, Amount = Money.FromDecimal(amount) }],
        });

    /// <summary>The page rendered by the framework's HtmlRenderer over the store's real services, in French.</summary>
    private sealed class PageRenderer : IAsyncDisposable
    {
        private readonly ServiceProvider services;
        private readonly HtmlRenderer renderer;
        private readonly Microsoft.AspNetCore.Components.Web.HtmlRendering.HtmlRootComponent root;

        private PageRenderer(ServiceProvider services, HtmlRenderer renderer, Microsoft.AspNetCore.Components.Web.HtmlRendering.HtmlRootComponent root)
        {
            this.services = services;
            this.renderer = renderer;
            this.root = root;
        }

        public static async Task<PageRenderer> RenderAsync(StoreDatabase database)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            var collection = new ServiceCollection()
                .AddLogging()
                .AddSingleton(database.Get<OvhCostManager.Core.PayAsYouGo.PayAsYouGoQuery>())
                .AddSingleton(database.Get<SyncNotifier>())
                .AddSingleton(database.Get<ViewAfterSync<OvhCostManager.Core.PayAsYouGo.PayAsYouGoView>>())
                .AddSingleton<IJSRuntime, NoBrowser>()
                .AddSingleton<NavigationManager, TestNavigation>();
            collection.AddLocalization(o => o.ResourcesPath = "Resources");
            collection.AddRadzenComponents();
            var services = collection.BuildServiceProvider();
            var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
            var root = await renderer.Dispatcher.InvokeAsync(() => renderer.RenderComponentAsync<PayAsYouGoPage>());
            await root.QuiescenceTask;
            return new PageRenderer(services, renderer, root);
        }

        public async Task<string> TextAsync(string selector)
        {
            var html = await renderer.Dispatcher.InvokeAsync(() => root.ToHtmlString());
            var document = new HtmlParser().ParseDocument(html);
            return document.QuerySelector(selector)?.TextContent.Replace("\u00A0", " ").Replace("\u202F", " ").Trim() ?? throw new Xunit.Sdk.XunitException($"No {selector} in:\n{html}");
        }

        public async ValueTask DisposeAsync()
        {
            await renderer.DisposeAsync();
            await services.DisposeAsync();
        }
    }

    private sealed class NoBrowser : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => throw new InvalidOperationException("No browser in an HtmlRenderer test.");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => InvokeAsync<TValue>(identifier, args);
    }

    private sealed class TestNavigation : NavigationManager
    {
        public TestNavigation() => Initialize("http://localhost/", "http://localhost/payg");

        protected override void NavigateToCore(string uri, bool forceLoad)
        {
        }
    }
}

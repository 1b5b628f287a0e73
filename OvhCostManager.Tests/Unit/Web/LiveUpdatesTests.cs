using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Web.Components.Shared;

namespace OvhCostManager.Tests.Unit.Web;

/// <summary>
/// <see cref="LiveUpdates"/> in a component rendered by bUnit, with a real <see cref="SyncNotifier"/> announcing from
/// another thread in another culture, as a sync started by another reader does.
/// </summary>
public sealed class LiveUpdatesTests : IAsyncDisposable
{
    private readonly BunitContext context = new();
    private readonly SyncNotifier notifier = new();
    private int reads;

    // Set here, not in an async method: a culture set there does not flow back to the test.
    public LiveUpdatesTests() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");

    public ValueTask DisposeAsync() => context.DisposeAsync();

    [Fact]
    public async Task An_update_announced_in_English_renders_in_the_French_reader_s_culture()
    {
        var shared = new ViewAfterSync<string>(_ => Task.FromResult("vue " + Interlocked.Increment(ref reads)));
        var page = Render(shared);

        await PublishInAsync("en-GB", Outcome());

        var french = CultureInfo.GetCultureInfo("fr");
        page.WaitForAssertion(() => Assert.Equal($"vue 1 · {12_345.67m.ToString("N2", french)} · fr · fr", page.Markup));
    }

    [Fact]
    public async Task Open_pages_share_one_read_per_outcome_and_show_it_each()
    {
        var shared = new ViewAfterSync<string>(_ => Task.FromResult("vue " + Interlocked.Increment(ref reads)));
        var pages = Enumerable.Range(0, 5).Select(_ => Render(shared)).ToList();

        await PublishInAsync("en-GB", Outcome());

        Assert.All(pages, page => page.WaitForAssertion(() => Assert.StartsWith("vue 1 · ", page.Markup, StringComparison.Ordinal)));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task A_closed_page_leaves_no_subscription_and_receives_no_update()
    {
        var shared = new ViewAfterSync<string>(_ => Task.FromResult("vue " + Interlocked.Increment(ref reads)));
        var figure = Render(shared).Instance;
        Assert.Equal(1, notifier.SubscriberCount);

        await context.DisposeComponentsAsync();
        await PublishInAsync("en-GB", Outcome());

        Assert.Equal(0, notifier.SubscriberCount);
        Assert.Equal(0, reads);
        Assert.Equal(0, figure.Renders);
    }

    [Fact]
    public async Task An_outcome_that_does_not_change_the_view_is_not_read()
    {
        var shared = new ViewAfterSync<string>(_ => Task.FromResult("vue " + Interlocked.Increment(ref reads)));
        var page = Render(shared);

        await PublishInAsync("en-GB", Outcome(consumptionStored: false));

        Assert.Equal(0, reads);
        Assert.Equal("", page.Markup);
    }

    private IRenderedComponent<ConsumptionFigure> Render(ViewAfterSync<string> shared) =>
        context.Render<ConsumptionFigure>(p => p.Add(c => c.Notifier, notifier).Add(c => c.Shared, shared));

    // The sync's own thread, in the culture of whoever started it.
    private Task PublishInAsync(string culture, SyncOutcome outcome) => Task.Run(() =>
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return notifier.PublishFinishedAsync(outcome);
    });

    private static SyncOutcome Outcome(bool consumptionStored = true) =>
        new(1, SyncRunKind.Consumption, SyncRunStatus.Success, 0, 0, 3, 0, consumptionStored, TimeSpan.FromSeconds(1), null);

    /// <summary>A page's figure that follows consumption syncs and writes what culture it rendered in.</summary>
    public sealed class ConsumptionFigure : ComponentBase, IDisposable
    {
        private LiveUpdates? live;
        private string shown = "";

        [Parameter, EditorRequired] public SyncNotifier Notifier { get; set; } = null!;

        [Parameter, EditorRequired] public ViewAfterSync<string> Shared { get; set; } = null!;

        public int Renders { get; private set; }

        protected override void OnInitialized() =>
            live = new LiveUpdates(Notifier, InvokeAsync, () => { Renders++; StateHasChanged(); })
                .ShowAfterSync(Shared, outcome => outcome.ConsumptionSnapshotStored, view =>
                    shown = $"{view} · {12_345.67m.ToString("N2", CultureInfo.CurrentCulture)} · {CultureInfo.CurrentCulture.Name} · {CultureInfo.CurrentUICulture.Name}");

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, shown);

        public void Dispose() => live?.Dispose();
    }
}

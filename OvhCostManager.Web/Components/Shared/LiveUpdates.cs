using System.Globalization;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Web.Components.Shared;

/// <summary>
/// How a component follows the sync engine's announcements: on its own circuit (the component's <c>InvokeAsync</c>),
/// in its reader's culture, with the view a sync changed read once for every open page (<see cref="ViewAfterSync{T}"/>),
/// and for as long as the component lives. Create it in <c>OnInitialized</c> and dispose it with the component.
/// </summary>
public sealed class LiveUpdates : IDisposable
{
    private readonly SyncNotifier notifier;
    private readonly Func<Func<Task>, Task> invokeAsync;
    private readonly Action render;
    private readonly List<IDisposable> subscriptions = [];

    // The notifier calls on the sync's thread, in the culture of whoever started the sync (or the server's):
    // the reader's is the one the component was created in.
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;
    private volatile bool disposed;

    /// <param name="notifier">The announcements to follow.</param>
    /// <param name="invokeAsync">The component's <c>InvokeAsync</c>: updates run on its circuit.</param>
    /// <param name="render">The component's <c>StateHasChanged</c>, called after each update.</param>
    public LiveUpdates(SyncNotifier notifier, Func<Func<Task>, Task> invokeAsync, Action render)
    {
        this.notifier = notifier;
        this.invokeAsync = invokeAsync;
        this.render = render;
    }

    /// <summary>When a sync that <paramref name="changes"/> the view finishes, shows the view read once for all pages.</summary>
    public LiveUpdates ShowAfterSync<T>(ViewAfterSync<T> shared, Func<SyncOutcome, bool> changes, Action<T> show)
        where T : class =>
        Follow(notifier.OnFinished(outcome => changes(outcome)
            ? InReaderCulture(async () => show(await shared.GetAsync(outcome)))
            : Task.CompletedTask));

    /// <summary>
    /// When a sync that <paramref name="changes"/> the figures finishes, reloads them: for a view that depends on the
    /// page's own parameters (a month, a project), which other pages cannot share.
    /// </summary>
    public LiveUpdates ReloadAfterSync(Func<SyncOutcome, bool> changes, Func<Task> reload) =>
        ReloadAfterSync(changes, _ => reload());

    /// <summary>The same, with the outcome: for a page that takes its view from a keyed <see cref="ViewsAfterSync{TKey, T}"/>.</summary>
    public LiveUpdates ReloadAfterSync(Func<SyncOutcome, bool> changes, Func<SyncOutcome, Task> reload) =>
        Follow(notifier.OnFinished(outcome => changes(outcome) ? InReaderCulture(() => reload(outcome)) : Task.CompletedTask));

    /// <summary>Shows each announced step of the running sync.</summary>
    public LiveUpdates ShowProgress(Action<SyncProgress> show) =>
        Follow(notifier.OnProgress(progress => InReaderCulture(() =>
        {
            show(progress);
            return Task.CompletedTask;
        })));

    public void Dispose()
    {
        disposed = true;
        lock (subscriptions)
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }

            subscriptions.Clear();
        }
    }

    private LiveUpdates Follow(IDisposable subscription)
    {
        lock (subscriptions)
        {
            subscriptions.Add(subscription);
        }

        return this;
    }

    private Task InReaderCulture(Func<Task> update) => disposed ? Task.CompletedTask : invokeAsync(async () =>
    {
        // An announcement already on its way when the component closed: nothing left to render.
        if (disposed)
        {
            return;
        }

        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        await update();
        if (!disposed)
        {
            render();
        }
    });
}

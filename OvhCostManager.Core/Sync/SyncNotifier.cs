namespace OvhCostManager.Core.Sync;

/// <summary>
/// In-process announcements of the sync engine: a run started, progressed or finished. Dashboard components
/// subscribe for their lifetime (dispose the subscription) and update over their own circuit.
/// </summary>
public sealed class SyncNotifier
{
    private readonly Lock gate = new();
    private ImmutableSubscribers subscribers = new([], [], []);

    public IDisposable OnFinished(Func<SyncOutcome, Task> handler) => Add(s => s with { Finished = [.. s.Finished, handler] }, s => s with { Finished = [.. s.Finished.Where(h => h != handler)] });

    public IDisposable OnProgress(Func<SyncProgress, Task> handler) => Add(s => s with { Progress = [.. s.Progress, handler] }, s => s with { Progress = [.. s.Progress.Where(h => h != handler)] });

    public IDisposable OnStarted(Func<SyncRequest, Task> handler) => Add(s => s with { Started = [.. s.Started, handler] }, s => s with { Started = [.. s.Started.Where(h => h != handler)] });

    /// <summary>Number of live subscriptions; a component that forgets to dispose shows up here (tested).</summary>
    public int SubscriberCount => subscribers.Finished.Length + subscribers.Progress.Length + subscribers.Started.Length;

    public Task PublishFinishedAsync(SyncOutcome outcome) => InvokeAll(subscribers.Finished, h => h(outcome));

    public Task PublishProgressAsync(SyncProgress progress) => InvokeAll(subscribers.Progress, h => h(progress));

    public Task PublishStartedAsync(SyncRequest request) => InvokeAll(subscribers.Started, h => h(request));

    private static async Task InvokeAll<T>(T[] handlers, Func<T, Task> call)
    {
        // One slow or broken page must not hold up or break the others.
        var tasks = handlers.Select(async h =>
        {
            try
            {
                await call(h);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A disconnected circuit throws here; its subscription goes away when the component is disposed.
            }
        });
        await Task.WhenAll(tasks);
    }

    private Subscription Add(Func<ImmutableSubscribers, ImmutableSubscribers> add, Func<ImmutableSubscribers, ImmutableSubscribers> remove)
    {
        lock (gate)
        {
            subscribers = add(subscribers);
        }

        return new Subscription(() =>
        {
            lock (gate)
            {
                subscribers = remove(subscribers);
            }
        });
    }

    private sealed record ImmutableSubscribers(Func<SyncOutcome, Task>[] Finished, Func<SyncProgress, Task>[] Progress, Func<SyncRequest, Task>[] Started);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref dispose, null)?.Invoke();
    }
}

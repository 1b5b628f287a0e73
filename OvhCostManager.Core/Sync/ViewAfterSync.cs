namespace OvhCostManager.Core.Sync;

/// <summary>
/// A view that every open page reads again when a sync finishes, read once per <see cref="SyncOutcome"/> and handed to
/// all of them: fifty open pages cost one query, not fifty, and update together. Pages still read their first view
/// themselves; only the reaction to a sync is shared, so <typeparamref name="T"/> must be immutable.
/// </summary>
public sealed class ViewAfterSync<T>(Func<CancellationToken, Task<T>> read)
    where T : class
{
    private readonly Lock gate = new();
    private SyncOutcome? readFor;
    private Task<T>? view;

    public Task<T> GetAsync(SyncOutcome finished)
    {
        lock (gate)
        {
            // Every subscriber receives the same outcome instance; a failed read is tried again by the next caller.
            if (view is null || !ReferenceEquals(readFor, finished) || view.IsFaulted || view.IsCanceled)
            {
                (readFor, view) = (finished, read(CancellationToken.None));
            }

            return view;
        }
    }
}

/// <summary>
/// <see cref="ViewAfterSync{T}"/> for views that depend on a key (the Overview of a month and lens): every open page
/// showing the same key after the same outcome shares one read; other keys are read once each.
/// </summary>
public sealed class ViewsAfterSync<TKey, T>(Func<TKey, CancellationToken, Task<T>> read)
    where TKey : notnull
    where T : class
{
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, Task<T>> views = [];
    private SyncOutcome? readFor;

    public Task<T> GetAsync(SyncOutcome finished, TKey key)
    {
        lock (gate)
        {
            // A new outcome makes every kept view stale; a failed read is tried again by the next caller.
            if (!ReferenceEquals(readFor, finished))
            {
                readFor = finished;
                views.Clear();
            }

            if (!views.TryGetValue(key, out var view) || view.IsFaulted || view.IsCanceled)
            {
                view = read(key, CancellationToken.None);
                views[key] = view;
            }

            return view;
        }
    }
}

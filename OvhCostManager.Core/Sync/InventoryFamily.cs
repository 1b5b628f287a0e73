namespace OvhCostManager.Core.Sync;

/// <summary>
/// One family of the inventory (dedicated servers, VPS, NetApp storage, cloud projects): its listing, the reads of
/// each item, and the replace of its stored rows — only after the listing succeeded, so a failed listing leaves the
/// family as it was.
/// </summary>
internal abstract class InventoryFamily<TItem, TRow>(string name)
{
    /// <summary>Per-item reads in flight at once, under OVH's guidance of ≤ 10.</summary>
    internal const int ItemConcurrency = InventoryImport.ItemConcurrency;

    /// <summary>Lists, reads and stores the family; false when its listing failed (nothing stored).</summary>
    public async Task<bool> ImportAsync(SyncRunRecorder run, ServiceRenewals renewals, CancellationToken cancellationToken)
    {
        IReadOnlyList<TItem> items;
        try
        {
            items = await ListAsync(cancellationToken);
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            run.ItemFailed(InventoryImport.StepName, $"listing of {name}", e);
            return false;
        }

        var previous = await PreviousAsync(cancellationToken);

        // One at a time, 30 servers and 50 VPS cost seconds of latency; the rows come back in listing order.
        using var slots = new SemaphoreSlim(ItemConcurrency);
        var rows = await Task.WhenAll(items.Select(async item =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await ReadAsync(run, item, renewals, previous, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
        await run.Writes.WriteAsync(() => StoreAsync(rows, cancellationToken), cancellationToken);
        run.InventoryStored(rows.Length);
        return true;
    }

    protected abstract Task<IReadOnlyList<TItem>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The stored rows by name, whose values an item keeps when one of its reads fails.</summary>
    protected virtual Task<IReadOnlyDictionary<string, TRow>> PreviousAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, TRow>>(new Dictionary<string, TRow>());

    protected abstract Task<TRow> ReadAsync(SyncRunRecorder run, TItem item, ServiceRenewals renewals, IReadOnlyDictionary<string, TRow> previous,
        CancellationToken cancellationToken);

    protected abstract Task StoreAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken);
}

namespace OvhCostManager.Core.Sync;

/// <summary>
/// The store writes of one run, one at a time. A run's steps read OVH together; SQLite has a single writer, and a
/// writer waiting on its lock sleeps on a thread (busy_timeout) that the requests in flight need on a 2-core machine.
/// </summary>
public sealed class StoreWriteGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task WriteAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await write();
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            gate.Release();
        }
    }
}

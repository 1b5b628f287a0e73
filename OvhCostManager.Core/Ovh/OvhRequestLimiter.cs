namespace OvhCostManager.Core.Ovh;

/// <summary>
/// Process-wide throttle on calls to OVH: at most <see cref="OvhClientOptions.MaxConcurrentRequests"/> in flight and, when
/// <see cref="OvhClientOptions.RequestsPerMinute"/> is set, at most that many started in any rolling 60 seconds.
/// OVH publishes no limit; its maintainers suggest ≤ 60 calls a minute per consumer key and ≤ 10 at once.
/// </summary>
public sealed class OvhRequestLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _slots;
    private readonly int? _perMinute;
    private readonly TimeProvider _time;
    private readonly Queue<DateTimeOffset> _recentStarts = new();
    private readonly Lock _gate = new();

    public OvhRequestLimiter(OvhClientOptions options, TimeProvider time)
    {
        _slots = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
        _perMinute = options.RequestsPerMinute;
        _time = time;
    }

    /// <summary>Waits for a free slot (and a free place in the minute window); dispose the result to give the slot back.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WaitForRateAsync(cancellationToken).ConfigureAwait(false);
            return new Slot(_slots);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private async Task WaitForRateAsync(CancellationToken cancellationToken)
    {
        if (_perMinute is not { } limit)
        {
            return;
        }

        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                while (_recentStarts.Count > 0 && now - _recentStarts.Peek() >= Window)
                {
                    _recentStarts.Dequeue();
                }

                if (_recentStarts.Count < limit)
                {
                    _recentStarts.Enqueue(now);
                    return;
                }

                wait = _recentStarts.Peek() + Window - now;
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

using System.Threading.RateLimiting;

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// Process-wide throttle on calls to OVH, on <c>System.Threading.RateLimiting</c>: at most
/// <see cref="OvhClientOptions.MaxConcurrentRequests"/> in flight and, when <see cref="OvhClientOptions.RequestsPerMinute"/>
/// is set, at most that many started in a sliding minute. Callers queue, oldest first; none is refused.
/// OVH publishes no limit; its maintainers suggest ≤ 60 calls a minute per consumer key and ≤ 10 at once.
/// </summary>
public sealed class OvhRequestLimiter : IAsyncDisposable
{
    private readonly RateLimiter limiter;

    public OvhRequestLimiter(OvhClientOptions options)
    {
        RateLimiter concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        limiter = options.RequestsPerMinute is { } perMinute
            ? RateLimiter.CreateChained(concurrency, new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 12,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }))
            : concurrency;
    }

    /// <summary>Waits for a free slot (and a free place in the minute window); dispose the result to give the slot back.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException("The OVH request limiter refused a call although its queue has no limit.");
        }

        return lease;
    }

    public ValueTask DisposeAsync() => limiter.DisposeAsync();
}

using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace OvhCostManager.Simulator.Http;

internal enum FaultKind
{
    None,
    TooManyRequests,
    ServerError,
    Unavailable,
    Timeout,
    TruncatedBody,
}

/// <summary>Draws the fault of each request from a seeded stream, so one request sequence always meets the same faults.</summary>
internal sealed class FaultInjector(FaultOptions faults)
{
    private readonly object sync = new();
    private Random random = new(faults.Seed);
    private int seed = faults.Seed;

    public (FaultKind Kind, int DelayMs) Draw()
    {
        lock (sync)
        {
            if (seed != faults.Seed)
            {
                seed = faults.Seed;
                random = new Random(seed);
            }

            var delay = faults.LatencyMs + (faults.JitterMs > 0 ? random.Next(0, faults.JitterMs + 1) : 0);
            var u = random.NextDouble();
            var which = random.NextDouble();
            var kind = FaultKind.None;
            var edge = faults.TooManyRequestsRate;
            if (u < edge) kind = FaultKind.TooManyRequests;
            else if (u < (edge += faults.ServerErrorRate)) kind = which < 0.5 ? FaultKind.ServerError : FaultKind.Unavailable;
            else if (u < (edge += faults.TimeoutRate)) kind = FaultKind.Timeout;
            else if (u < edge + faults.TruncatedBodyRate) kind = FaultKind.TruncatedBody;
            return (kind, delay);
        }
    }

    /// <summary>Consumes one of the configured transient timestamp errors, if any are left.</summary>
    public bool TakeTimestampError()
    {
        lock (sync)
        {
            if (faults.TransientTimestampErrors <= 0) return false;
            faults.TransientTimestampErrors--;
            return true;
        }
    }
}

/// <summary>Token bucket on the real (not simulated) time: requests beyond the burst wait for refill or get 429.</summary>
internal sealed class TokenBucket(RateLimitOptions limits)
{
    private readonly object sync = new();
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private double tokens = limits.Burst;
    private double lastSeconds;

    /// <summary>Takes a token; otherwise returns the whole seconds to wait.</summary>
    public bool TryTake(out int retryAfterSeconds)
    {
        lock (sync)
        {
            var now = watch.Elapsed.TotalSeconds;
            tokens = Math.Min(limits.Burst, tokens + (now - lastSeconds) * limits.RequestsPerSecond);
            lastSeconds = now;
            if (tokens >= 1)
            {
                tokens -= 1;
                retryAfterSeconds = 0;
                return true;
            }

            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((1 - tokens) / limits.RequestsPerSecond));
            return false;
        }
    }
}

internal static class FaultResponses
{
    public static Task TooManyRequests(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return OvhJson.Write(context, 429, new { @class = "Client::TooManyRequests", message = "Too many requests" });
    }
}

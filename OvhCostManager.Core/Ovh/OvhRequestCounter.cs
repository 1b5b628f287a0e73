using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// Process-wide tally of HTTP calls made to OVH: per endpoint template, per status code (0 = no response), and retries.
/// A sync run takes a <see cref="Snapshot"/> before and after and reports <see cref="OvhRequestCounts.Since"/>.
/// Also the number of requests on the wire now and at most since <see cref="ResetPeakInFlight"/>, which tells whether
/// an import keeps <see cref="OvhClientOptions.MaxConcurrentRequests"/> busy.
/// </summary>
public sealed class OvhRequestCounter
{
    private int _inFlight;
    private int _peakInFlight;

    private readonly ConcurrentDictionary<string, long> _byEndpoint = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _byStatus = new();
    private readonly ConcurrentDictionary<string, long> _retriesByEndpoint = new(StringComparer.Ordinal);

    public void RecordRequest(string endpointTemplate, int statusCode)
    {
        _byEndpoint.AddOrUpdate(endpointTemplate, 1, (_, n) => n + 1);
        _byStatus.AddOrUpdate(statusCode, 1, (_, n) => n + 1);
    }

    /// <summary>Requests sent and not answered yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Most requests in flight at once since the last <see cref="ResetPeakInFlight"/>.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    public void ResetPeakInFlight() => Volatile.Write(ref _peakInFlight, InFlight);

    internal void RequestSent()
    {
        var now = Interlocked.Increment(ref _inFlight);
        var peak = Volatile.Read(ref _peakInFlight);
        while (now > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakInFlight, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    internal void RequestEnded() => Interlocked.Decrement(ref _inFlight);

    public void RecordRetry(string endpointTemplate) => _retriesByEndpoint.AddOrUpdate(endpointTemplate, 1, (_, n) => n + 1);

    public OvhRequestCounts Snapshot() => new(
        _byEndpoint.ToImmutableSortedDictionary(StringComparer.Ordinal),
        _byStatus.ToImmutableSortedDictionary(),
        _retriesByEndpoint.ToImmutableSortedDictionary(StringComparer.Ordinal));

    public void Reset()
    {
        _byEndpoint.Clear();
        _byStatus.Clear();
        _retriesByEndpoint.Clear();
    }
}

/// <summary>An immutable copy of <see cref="OvhRequestCounter"/>'s figures.</summary>
public sealed record OvhRequestCounts(
    ImmutableSortedDictionary<string, long> ByEndpoint,
    ImmutableSortedDictionary<int, long> ByStatus,
    ImmutableSortedDictionary<string, long> RetriesByEndpoint)
{
    public long TotalRequests => ByEndpoint.Values.Sum();

    public long TotalRetries => RetriesByEndpoint.Values.Sum();

    public long RequestsTo(string endpointTemplate) => ByEndpoint.GetValueOrDefault(endpointTemplate);

    public long WithStatus(int statusCode) => ByStatus.GetValueOrDefault(statusCode);

    /// <summary>What was counted between <paramref name="earlier"/> and this snapshot.</summary>
    public OvhRequestCounts Since(OvhRequestCounts earlier) => new(
        Minus(ByEndpoint, earlier.ByEndpoint), Minus(ByStatus, earlier.ByStatus), Minus(RetriesByEndpoint, earlier.RetriesByEndpoint));

    private static ImmutableSortedDictionary<TKey, long> Minus<TKey>(ImmutableSortedDictionary<TKey, long> now, ImmutableSortedDictionary<TKey, long> before)
        where TKey : notnull =>
        now.Select(pair => (pair.Key, Count: pair.Value - before.GetValueOrDefault(pair.Key)))
            .Where(pair => pair.Count != 0)
            .ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Count, now.KeyComparer);
}

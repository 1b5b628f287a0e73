using System.Diagnostics;
using System.Globalization;
using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Benchmarks;

/// <summary>
/// Reads how many OVH requests are on the wire every millisecond or so while an import runs, on a thread of its own:
/// the share of the time spent at each level says whether the import kept the limiter's slots busy, and the
/// timeline says where it idled.
/// </summary>
public sealed class InFlightSampler : IDisposable
{
    private const int TimelineBucketMs = 500;
    private readonly OvhRequestCounter counter;
    private readonly Thread thread;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Dictionary<int, long> ticksAtLevel = [];
    private readonly List<(long Ticks, long Weighted)> buckets = [];
    private volatile bool stopped;

    private InFlightSampler(OvhRequestCounter counter)
    {
        this.counter = counter;
        counter.ResetPeakInFlight();
        thread = new Thread(Sample) { IsBackground = true, Name = "in-flight sampler", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    public static InFlightSampler Start(OvhRequestCounter counter) => new(counter);

    public int Peak => counter.PeakInFlight;

    /// <summary>Time-weighted mean of requests in flight.</summary>
    public double Mean
    {
        get
        {
            var total = ticksAtLevel.Values.Sum();
            return total == 0 ? 0 : ticksAtLevel.Sum(p => (double)p.Key * p.Value) / total;
        }
    }

    /// <summary>Share of the time with at least <paramref name="level"/> requests in flight.</summary>
    public double ShareAtLeast(int level)
    {
        var total = ticksAtLevel.Values.Sum();
        return total == 0 ? 0 : (double)ticksAtLevel.Where(p => p.Key >= level).Sum(p => p.Value) / total;
    }

    /// <summary>Mean in flight per half second, e.g. <c>3.1 9.8 10.0 …</c>.</summary>
    public string Timeline() =>
        string.Join(' ', buckets.Select(b => (b.Ticks == 0 ? 0 : (double)b.Weighted / b.Ticks).ToString("F1", CultureInfo.InvariantCulture)));

    public void Dispose()
    {
        stopped = true;
        thread.Join();
    }

    private void Sample()
    {
        var last = clock.ElapsedTicks;
        var bucketTicks = Stopwatch.Frequency * TimelineBucketMs / 1000;
        while (!stopped)
        {
            Thread.Sleep(1);
            var now = clock.ElapsedTicks;
            var level = counter.InFlight;
            var span = now - last;
            last = now;
            ticksAtLevel[level] = ticksAtLevel.GetValueOrDefault(level) + span;
            var index = (int)(now / bucketTicks);
            while (buckets.Count <= index)
            {
                buckets.Add((0, 0));
            }

            buckets[index] = (buckets[index].Ticks + span, buckets[index].Weighted + span * level);
        }
    }
}

using System.Collections.Concurrent;

namespace OvhCostManager.Simulator;

/// <summary>Counts of requests the simulator received: in total, per route template and per status code.</summary>
public sealed class RequestStatistics
{
    private readonly ConcurrentDictionary<string, int> byTemplate = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> byStatus = new();
    private int total;

    public int Total => Volatile.Read(ref total);

    public IReadOnlyDictionary<string, int> ByTemplate => new Dictionary<string, int>(byTemplate);

    public IReadOnlyDictionary<int, int> ByStatus => new Dictionary<int, int>(byStatus);

    public int ForTemplate(string template) => byTemplate.GetValueOrDefault(template);

    public int ForStatus(int status) => byStatus.GetValueOrDefault(status);

    public void Reset()
    {
        byTemplate.Clear();
        byStatus.Clear();
        Interlocked.Exchange(ref total, 0);
    }

    internal void Record(string template, int status)
    {
        Interlocked.Increment(ref total);
        byTemplate.AddOrUpdate(template, 1, (_, n) => n + 1);
        byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
    }
}

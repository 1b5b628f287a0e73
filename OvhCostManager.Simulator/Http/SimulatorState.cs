using System.Collections.Concurrent;

namespace OvhCostManager.Simulator.Http;

/// <summary>Everything the request pipeline shares: account, clock, options, faults, counters, issued tokens.</summary>
internal sealed class SimulatorState(SimulatedAccount account, SimulatorClock clock, SimulatorOptions options)
{
    private int queryCounter;

    public SimulatedAccount Account { get; } = account;
    public SimulatorClock Clock { get; } = clock;
    public SimulatorOptions Options { get; } = options;
    public FaultOptions Faults { get; } = options.Faults;
    public RequestStatistics Requests { get; } = new();
    public IReadOnlyList<ConsumerGrant> Consumers { get; } = options.Consumers ?? ConsumerGrant.Defaults;
    public ConcurrentDictionary<string, DateTimeOffset> AccessTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>What signatures are checked against: <see cref="SimulatorOptions.PublicBaseUrl"/>, else the listening URL (known once started).</summary>
    public Uri PublicBaseUrl { get; set; } = options.PublicBaseUrl
        ?? new Uri($"{(options.UseHttps ? "https" : "http")}://127.0.0.1:{options.Port}/1.0");

    public string NextQueryId()
    {
        var n = Interlocked.Increment(ref queryCounter);
        return $"EU.ext-sim.{Clock.GetUtcNow().ToUnixTimeSeconds():x8}.{Environment.ProcessId}.{n:x8}";
    }
}

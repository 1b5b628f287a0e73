using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Benchmarks;

/// <summary>Scenarios 1–3: full import, differential import, full import under faults.</summary>
public static class ImportScenarios
{
    public static async Task<string> RunAsync(string size)
    {
        var output = new System.Text.StringBuilder();
        await using var simulator = await SimulatorProcess.StartAsync(size);
        await simulator.SetFaultsAsync(new { latencyMs = 40 });

        var full = new MarkdownTable($"1. Full import — {size} account, 40 ms latency per request",
            "bills", "lines", "wall time (s)", "OVH requests", "retries", "peak RSS (MB)", "status");
        var dataDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ocm-bench-" + Guid.NewGuid().ToString("N"))).FullName;
        await using (var host = await BenchHost.StartAsync(simulator.BaseUrl, dataDirectory))
        {
            Measure.ResetPeakRss();
            var (outcome, elapsed) = await Measure.TimeAsync(() => Coordinator(host).RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "bench"), CancellationToken.None));
            full.Add(outcome.BillsImported, outcome.LinesImported, elapsed.TotalSeconds.ToString("F1"), outcome.RequestsMade, outcome.Retries, Measure.PeakRssMegabytes().ToString("F0"), outcome.Status);
            output.Append(full);
            Console.Write(full);

            var differential = new MarkdownTable($"2. Differential import — {size} account, 40 ms latency", "case", "new bills", "wall time (s)", "OVH requests", "status");
            var (same, sameElapsed) = await Measure.TimeAsync(() => Coordinator(host).RunAsync(SyncRequest.Differential("bench"), CancellationToken.None));
            differential.Add("nothing new", same.BillsImported, sameElapsed.TotalSeconds.ToString("F2"), same.RequestsMade, same.Status);

            // The simulator's clock moves a day forward: the bills OVH issues that day appear.
            await simulator.PostAsync("clock/advance?hours=24");
            var (next, nextElapsed) = await Measure.TimeAsync(() => Coordinator(host).RunAsync(SyncRequest.Differential("bench"), CancellationToken.None));
            differential.Add("one more day of bills", next.BillsImported, nextElapsed.TotalSeconds.ToString("F2"), next.RequestsMade, next.Status);
            output.Append(differential);
            Console.Write(differential);
        }

        await simulator.SetFaultsAsync(new { latencyMs = 40, tooManyRequestsRate = 0.04, serverErrorRate = 0.04, timeoutRate = 0.02, hangMs = 3000, retryAfterSeconds = 1 });
        var faults = new MarkdownTable($"3. Full import under faults — {size} account, 10 % of responses 429 / 5xx / timeouts",
            "wall time (s)", "OVH requests", "retries", "status", "totals = ground truth");
        await using (var host = await BenchHost.StartAsync(simulator.BaseUrl))
        {
            var (outcome, elapsed) = await Measure.TimeAsync(() => Coordinator(host).RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "bench"), CancellationToken.None));
            var matches = await GroundTruthCheck.MonthlyTotalsMatchAsync(host, simulator);
            faults.Add(elapsed.TotalSeconds.ToString("F1"), outcome.RequestsMade, outcome.Retries, outcome.Status, matches);
        }

        output.Append(faults);
        Console.Write(faults);
        return output.ToString();
    }

    private static SyncCoordinator Coordinator(BenchHost host) => host.Services.GetRequiredService<SyncCoordinator>();
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Benchmarks;

/// <summary>Scenarios 1–3: full import, differential import, full import under faults.</summary>
public static class ImportScenarios
{
    private const int LatencyMs = 40;
    private const int DifferentialRuns = 10;

    /// <summary>Runs the three scenarios; returns the data folder of scenario 1's import for the tab scenario.</summary>
    public static async Task<string> RunAsync(string size, Report report, bool withFaults = true)
    {
        await using var simulator = await SimulatorProcess.StartAsync(size);
        await simulator.SetFaultsAsync(new { latencyMs = LatencyMs });

        var full = new MarkdownTable($"1. Full import — {size} account, {LatencyMs} ms latency per request",
            "bills", "lines", "wall time (s)", "OVH requests", "latency limit (s)", "ratio", "peak in flight", "mean in flight", "time at the limit",
            "retries", "peak RSS (MB)", "status", "target");
        var dataDirectory = BenchHost.NewDataDirectory();
        await using (var host = await BenchHost.StartAsync(simulator.BaseUrl, dataDirectory, clock: simulator.Clock))
        {
            Measure.ResetPeakRss();
            var before = await RequestsByTemplateAsync(simulator);
            var inFlight = host.Services.GetRequiredService<OvhRequestCounter>();
            var slots = host.Services.GetRequiredService<IOptions<OvhClientOptions>>().Value.MaxConcurrentRequests;
            SyncOutcome outcome;
            TimeSpan elapsed;
            using (var sampler = InFlightSampler.Start(inFlight))
            {
                (outcome, elapsed) = await Measure.TimeAsync(() => Coordinator(host).RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "bench"), CancellationToken.None));
                sampler.Dispose();
                var peak = Measure.PeakRssMegabytes();
                // Every request waits the simulator's latency at least; with every slot busy from first to last, that is the whole import.
                var limit = outcome.RequestsMade * LatencyMs / 1000.0 / slots;
                var ratio = elapsed.TotalSeconds / limit;
                full.Add(outcome.BillsImported, outcome.LinesImported, elapsed.TotalSeconds.ToString("F1"), outcome.RequestsMade, limit.ToString("F1"), ratio.ToString("F2"),
                    sampler.Peak, sampler.Mean.ToString("F1"), sampler.ShareAtLeast(slots).ToString("P0"), outcome.Retries, peak.ToString("F0"), outcome.Status,
                    Verdict(ratio <= 1.3 && peak <= 400, $"≤ 1.3 × latency limit ({slots} in flight), ≤ 400 MB"));
                report.Add(full);
                report.Note($"Requests in flight, mean per half second: {sampler.Timeline()}");
            }

            report.Add(Breakdown("1b. Requests of the full import by OVH route", before, await RequestsByTemplateAsync(simulator)));

            // After a full import (payment status included) an unchanged account costs the same few requests on every run.
            var differential = new MarkdownTable($"2. Differential import, nothing new — {size} account, {LatencyMs} ms latency, runs after the full import",
                "run", "new bills", "wall time (s)", "OVH requests", "status", "target");
            var steadyBefore = before;
            for (var run = 1; run <= DifferentialRuns; run++)
            {
                steadyBefore = await RequestsByTemplateAsync(simulator);
                var (same, sameElapsed) = await Measure.TimeAsync(() => Coordinator(host).RunAsync(SyncRequest.Differential("bench"), CancellationToken.None));
                differential.Add(run, same.BillsImported, sameElapsed.TotalSeconds.ToString("F2"), same.RequestsMade, same.Status,
                    Verdict(same.RequestsMade <= 10 && sameElapsed.TotalSeconds <= 2, "≤ 10 req, ≤ 2 s"));
            }

            var steadyBreakdown = Breakdown($"2b. Requests of differential run {DifferentialRuns} by OVH route", steadyBefore, await RequestsByTemplateAsync(simulator));
            report.Add(differential);
            report.Add(steadyBreakdown);

            // The simulator's clock moves a day forward: the bills OVH issues that day appear.
            var nextDay = new MarkdownTable($"2c. Differential import, one more day — {size} account, {LatencyMs} ms latency", "case", "new bills", "wall time (s)", "OVH requests", "status");
            await simulator.AdvanceClockAsync(TimeSpan.FromHours(24));
            var (next, nextElapsed) = await Measure.TimeAsync(() => Coordinator(host).RunAsync(SyncRequest.Differential("bench"), CancellationToken.None));
            nextDay.Add("one more day of bills", next.BillsImported, nextElapsed.TotalSeconds.ToString("F2"), next.RequestsMade, next.Status);
            report.Add(nextDay);
        }

        if (!withFaults)
        {
            return dataDirectory;
        }

        // The issue's scenario: 10 % of responses are 429 (Retry-After: 1 s) or 5xx.
        await simulator.SetFaultsAsync(new { latencyMs = LatencyMs, tooManyRequestsRate = 0.05, serverErrorRate = 0.05, retryAfterSeconds = 1 });
        var faults = new MarkdownTable($"3. Full import under faults — {size} account, 40 ms latency, 5 % 429 (Retry-After 1 s) + 5 % 500/503",
            "wall time (s)", "OVH requests", "retries", "status", "totals = ground truth");
        await using (var host = await BenchHost.StartAsync(simulator.BaseUrl, clock: simulator.Clock))
        {
            var (outcome, elapsed) = await Measure.TimeAsync(() => Coordinator(host).RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "bench"), CancellationToken.None));
            var matches = await GroundTruthCheck.MonthlyTotalsMatchAsync(host, simulator);
            faults.Add(elapsed.TotalSeconds.ToString("F1"), outcome.RequestsMade, outcome.Retries, outcome.Status, matches);
        }

        report.Add(faults);
        return dataDirectory;
    }

    /// <summary>Imports an account as fast as the simulator allows (no latency), for the query scenarios.</summary>
    public static async Task<(string DataDirectory, string Summary)> ImportWithoutLatencyAsync(string size)
    {
        await using var simulator = await SimulatorProcess.StartAsync(size);
        var dataDirectory = BenchHost.NewDataDirectory();
        await using var host = await BenchHost.StartAsync(simulator.BaseUrl, dataDirectory, new Dictionary<string, string?>
        {
            ["Sync:BillConcurrency"] = "16",
            ["Ovh:MaxConcurrentRequests"] = "16",
        }, simulator.Clock);
        var (outcome, elapsed) = await Measure.TimeAsync(() => Coordinator(host).RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "bench"), CancellationToken.None));
        return (dataDirectory, $"{size} account imported without latency in {elapsed.TotalSeconds:F0} s: {outcome.BillsImported} bills, {outcome.LinesImported} lines, {outcome.RequestsMade} requests, {outcome.Status}");
    }

    public static string Verdict(bool met, string target) => $"{target}: {(met ? "met" : "MISSED")}";

    private static async Task<Dictionary<string, int>> RequestsByTemplateAsync(SimulatorProcess simulator)
    {
        var requests = await simulator.GetAsync<JsonElement>("requests");
        return requests.GetProperty("byTemplate").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
    }

    private static MarkdownTable Breakdown(string title, Dictionary<string, int> before, Dictionary<string, int> after)
    {
        var table = new MarkdownTable(title, "route", "requests");
        foreach (var (template, count) in after.Select(p => (p.Key, p.Value - before.GetValueOrDefault(p.Key))).Where(p => p.Item2 > 0 && !p.Key.StartsWith("/_simulator", StringComparison.Ordinal)).OrderByDescending(p => p.Item2))
        {
            table.Add("`" + template + "`", count);
        }

        return table;
    }

    private static SyncCoordinator Coordinator(BenchHost host) => host.Services.GetRequiredService<SyncCoordinator>();
}

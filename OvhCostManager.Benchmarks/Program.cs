using System.Diagnostics;
using BenchmarkDotNet.Running;
using OvhCostManager.Benchmarks;

// Scenarios print Markdown tables; --bdn runs the BenchmarkDotNet micro benchmarks instead.
if (args.Contains("--bdn"))
{
    BenchmarkSwitcher.FromAssembly(typeof(HotPaths).Assembly).Run(args.Where(a => a != "--bdn").ToArray());
    return 0;
}

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var quick = args.Contains("--quick");
var only = Option("--only")?.Split(',') ?? ["import", "tabs", "browser"];
foreach (var setting in args.Select((a, i) => (a, i)).Where(p => p.a == "--set").Select(p => args[p.i + 1]))
{
    var (key, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
    BenchHost.Overrides[key] = value;
}

var size = quick ? "medium" : "large";
var extra = quick ? "large" : "extralarge";
var total = Stopwatch.StartNew();
var report = new Report();
report.Add($"# OVH Cost Manager benchmarks — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, " +
    $"{(quick ? "quick (medium account)" : "large account")}, simulated account at {BenchHost.NowSetting}{Environment.NewLine}{Environment.NewLine}Load before: {Uptime()}{Environment.NewLine}");
if (BenchHost.Overrides.Count > 0)
{
    report.Note("Settings: " + string.Join(", ", BenchHost.Overrides.Select(p => $"{p.Key}={p.Value}")));
}

string? imported = null;
if (only.Contains("import") || only.Contains("limit"))
{
    // "limit": the full import and the differential runs after it, without the scenario under faults.
    imported = await ImportScenarios.RunAsync(size, report, withFaults: only.Contains("import"));
}

if (only.Contains("tabs"))
{
    if (imported is null)
    {
        var (directory, summary) = await ImportScenarios.ImportWithoutLatencyAsync(size);
        report.Note(summary);
        imported = directory;
    }

    await TabScenarios.RunAsync($"{size} account", imported, 50, report);
    var (extraDirectory, extraSummary) = await ImportScenarios.ImportWithoutLatencyAsync(extra);
    report.Note(extraSummary);
    await TabScenarios.RunAsync($"{extra} account", extraDirectory, quick ? 50 : 200, report);
}

if (only.Contains("browser"))
{
    await BrowserScenarios.RunAsync(quick ? "Medium" : "Large", quick ? 10 : 50, report, Option("--app"));
}

report.Note($"Load after: {Uptime()}; all scenarios took {total.Elapsed.TotalMinutes:F1} min.");
var output = Option("--out");
if (output is not null)
{
    await File.WriteAllTextAsync(output, report.ToString());
}

return 0;

static string Uptime() => File.ReadAllText("/proc/loadavg").Trim() is var load ? $"load average {string.Join(", ", load.Split(' ').Take(3))} (1, 5, 15 min)" : "";

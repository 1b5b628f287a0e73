using BenchmarkDotNet.Running;
using OvhCostManager.Benchmarks;

// Scenarios print Markdown tables; --bdn runs the BenchmarkDotNet micro benchmarks instead.
if (args.Contains("--bdn"))
{
    BenchmarkSwitcher.FromAssembly(typeof(HotPaths).Assembly).Run(args.Where(a => a != "--bdn").ToArray());
    return 0;
}

var quick = args.Contains("--quick");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',') ?? ["import", "tabs", "browser"];
var size = quick ? "medium" : "large";
Console.WriteLine($"# OVH Cost Manager benchmarks — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {(quick ? "quick (medium account)" : "large account")}");

if (only.Contains("import"))
{
    await ImportScenarios.RunAsync(size);
}

return 0;

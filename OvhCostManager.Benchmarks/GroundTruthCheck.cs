using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Benchmarks;

public static class GroundTruthCheck
{
    /// <summary>Compares the imported totals per month with the simulator's ground truth, to the micro-cent.</summary>
    public static async Task<string> MonthlyTotalsMatchAsync(BenchHost host, SimulatorProcess simulator)
    {
        var truth = await simulator.GetAsync<JsonElement>("ground-truth");
        var expected = new Dictionary<string, long>();
        foreach (var month in truth.GetProperty("perMonth").EnumerateObject())
        {
            expected[month.Name] = ReadUcents(month.Value);
        }

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<CostDbContext>>().CreateDbContextAsync();
        var actual = (await db.BillLines.GroupBy(l => l.BillingMonth).Select(g => new { g.Key, Ucents = g.Sum(l => (long)(object)l.Total) }).ToListAsync())
            .ToDictionary(r => r.Key, r => r.Ucents);
        var mismatches = expected.Count(e => !actual.TryGetValue(e.Key, out var a) || a != e.Value);
        return mismatches == 0 ? $"yes ({expected.Count} months)" : $"NO: {mismatches} of {expected.Count} months differ";
    }

    private static long ReadUcents(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.Object when value.TryGetProperty("ucents", out var u) => u.GetInt64(),
        _ => throw new InvalidDataException("Unexpected ground-truth shape: " + value),
    };
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Benchmarks;

public static class GroundTruthCheck
{
    /// <summary>
    /// Compares the imported line totals per billing month with the simulator's ground truth
    /// (<c>months.{yyyy-MM}.withoutTax.ucents</c>), to the micro-cent.
    /// </summary>
    public static async Task<string> MonthlyTotalsMatchAsync(BenchHost host, SimulatorProcess simulator)
    {
        var truth = await simulator.GetAsync<JsonElement>("ground-truth");
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var month in truth.GetProperty("months").EnumerateObject())
        {
            expected[month.Name] = ReadUcents(month.Value.GetProperty("withoutTax"));
        }

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<CostDbContext>>().CreateDbContextAsync();
        var lines = await db.BillLines.AsNoTracking().Select(l => new { l.BillingMonth, l.Total }).ToListAsync();
        var actual = lines.GroupBy(l => l.BillingMonth, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Total.Ucents), StringComparer.Ordinal);
        var mismatches = expected.Count(e => !actual.TryGetValue(e.Key, out var a) || a != e.Value) + actual.Keys.Count(k => !expected.ContainsKey(k));
        return mismatches == 0 ? $"yes ({expected.Count} months, {lines.Count} lines)" : $"NO: {mismatches} of {expected.Count} months differ";
    }

    private static long ReadUcents(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.Object when value.TryGetProperty("ucents", out var u) => u.GetInt64(),
        _ => throw new InvalidDataException("Unexpected ground-truth shape: " + value),
    };
}

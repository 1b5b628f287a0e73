using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Core.Changes;

public enum BillLineChangeKind
{
    New,
    Vanished,
}

/// <summary>
/// A service (bill line <c>domain</c>) newly billed or no longer billed. New: a bill dated between the two days compared
/// bills it and no bill of the month before did (nor an earlier bill of its month); <see cref="PerMonth"/> is its lines'
/// total in that bill. Vanished: when the first bill of a month arrives, the month before is complete, and a service
/// billed in the month before that but not in it has vanished; <see cref="PerMonth"/> is minus its lines' total then.
/// <see cref="Month"/> is the month it is new in, or missing from.
/// </summary>
public sealed record BillLineChange(string Key, BillLineChangeKind Kind, string Domain, string Month, string? BillId, Money PerMonth);

/// <summary>Finds the <see cref="BillLineChange"/>s of the bills dated between two days.</summary>
internal static class BillLineChanges
{
    public static async Task<IReadOnlyList<BillLineChange>> BetweenAsync(CostDbContext context, TimeZoneInfo zone, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        var (fromUtc, toUtc) = (LocalDays.StartOf(from.AddDays(1), zone), LocalDays.StartOf(to.AddDays(1), zone));
        var arriving = (await context.Bills.Where(b => b.DateUtc >= fromUtc && b.DateUtc < toUtc)
                .Select(b => new { b.Id, b.DateUtc, b.BillingMonth }).ToListAsync(cancellationToken))
            .OrderBy(b => b.DateUtc).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
        if (arriving.Count == 0) return [];

        var months = arriving.SelectMany(b => new[] { b.BillingMonth, Previous(b.BillingMonth), Previous(Previous(b.BillingMonth)) }).Distinct().ToList();
        var bills = (await context.Bills.Where(b => months.Contains(b.BillingMonth))
                .Select(b => new { b.Id, b.DateUtc, b.BillingMonth }).ToListAsync(cancellationToken))
            .ToDictionary(b => b.Id, StringComparer.Ordinal);
        var lines = (await context.BillLines.Where(l => months.Contains(l.BillingMonth))
                .Select(l => new { l.BillId, l.BillingMonth, l.Domain, l.Total }).ToListAsync(cancellationToken))
            .Where(l => l.Domain.Length > 0).ToList();
        var billedIn = lines.GroupBy(l => l.BillingMonth)
            .ToDictionary(g => g.Key, g => g.GroupBy(l => l.Domain, StringComparer.Ordinal).ToDictionary(d => d.Key, d => Money.Sum(d.Select(l => l.Total)), StringComparer.Ordinal));
        // A month without any bill stored (before the first import) says nothing about what was billed in it.
        bool Known(string month) => bills.Values.Any(b => b.BillingMonth == month);

        var changes = new List<BillLineChange>();
        foreach (var bill in arriving)
        {
            var (month, previous) = (bill.BillingMonth, Previous(bill.BillingMonth));
            var earlier = bills.Values.Where(b => b.BillingMonth == month && (b.DateUtc < bill.DateUtc || (b.DateUtc == bill.DateUtc && string.CompareOrdinal(b.Id, bill.Id) < 0))).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
            if (Known(previous))
            {
                var seen = lines.Where(l => earlier.Contains(l.BillId)).Select(l => l.Domain).ToHashSet(StringComparer.Ordinal);
                var before = billedIn.GetValueOrDefault(previous) ?? [];
                changes.AddRange(lines.Where(l => l.BillId == bill.Id && !before.ContainsKey(l.Domain) && !seen.Contains(l.Domain))
                    .GroupBy(l => l.Domain, StringComparer.Ordinal)
                    .Select(g => new BillLineChange($"billed:{g.Key}:{month}", BillLineChangeKind.New, g.Key, month, bill.Id, Money.Sum(g.Select(l => l.Total)))));
            }

            var monthBefore = Previous(previous);
            if (earlier.Count == 0 && Known(previous) && Known(monthBefore))
            {
                var then = billedIn.GetValueOrDefault(monthBefore) ?? [];
                var now = billedIn.GetValueOrDefault(previous) ?? [];
                changes.AddRange(then.Where(d => !now.ContainsKey(d.Key))
                    .Select(d => new BillLineChange($"unbilled:{d.Key}:{previous}", BillLineChangeKind.Vanished, d.Key, previous, null, -d.Value)));
            }
        }

        return changes.OrderByDescending(c => Math.Abs(c.PerMonth.Ucents)).ThenBy(c => c.Domain, StringComparer.Ordinal).ToList();
    }

    private static string Previous(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

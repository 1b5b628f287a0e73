using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.BillLines;
using OvhCostManager.Core.Overview;

namespace OvhCostManager.Core.Compare;

/// <summary>What a Compare row groups by; with its key it selects the bill lines the row unfolds to.</summary>
public enum CompareDimension
{
    Category,
    Project,
    ResourceType,
}

/// <summary>One row of a comparison: the same key in month A and month B (zero where absent).</summary>
public sealed record CompareRow(CompareDimension Dimension, string Key, string Label, Money A, Money B, int LinesA, int LinesB)
{
    public Variation Variation => new(A, B);
}

/// <summary>Every figure of the Compare tab.</summary>
public sealed record CompareReport(
    string MonthA, string MonthB, CostLens Lens, string Currency, Money TotalA, Money TotalB,
    IReadOnlyList<CompareRow> ByCategory, IReadOnlyList<CompareRow> ByProject, IReadOnlyList<CompareRow> ByResourceType)
{
    public Variation Variation => new(TotalA, TotalB);
}

/// <summary>
/// Month A against month B under one lens (<see cref="CostLedger"/>). Rows are the union of both months' keys, so a
/// project or a category billed in only one month appears with 0 on the other side (the old tool dropped them).
/// </summary>
public sealed class CompareQueries(IDbContextFactory<CostDbContext> contexts, CostLedger ledger, BillLineQueries lines)
{
    public async Task<CompareReport> GetAsync(string monthA, string monthB, CostLens lens = CostLenses.Default, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var currency = (await db.ReadAccountSettingsAsync(cancellationToken)).Currency;
        var costs = await ledger.GetMonthsAsync([monthA, monthB], lens, cancellationToken);
        var names = await OverviewQueries.ProjectNamesAsync(db, cancellationToken);

        return new CompareReport(monthA, monthB, lens, currency, costs[0].Total, costs[1].Total,
            Rows(CompareDimension.Category, costs, e => e.Category.ToString(), k => k),
            Rows(CompareDimension.Project, costs, e => e.CloudProjectId, k => OverviewQueries.ProjectName(names, k)),
            Rows(CompareDimension.ResourceType, costs, e => e.Type.ToString(), k => k));
    }

    /// <summary>The bill lines of both months behind one row, for unfolding it.</summary>
    public Task<IReadOnlyList<BillLineRow>> GetLinesAsync(string monthA, string monthB, CompareDimension dimension, string key, CancellationToken cancellationToken = default) =>
        lines.GetAsync(LinesOf(monthA, monthB, dimension, key), cancellationToken);

    /// <summary>The bill lines behind one compared row, in both months.</summary>
    public static BillLineFilter LinesOf(string monthA, string monthB, CompareDimension dimension, string key)
    {
        var filter = new BillLineFilter([monthA, monthB]);
        return dimension switch
        {
            CompareDimension.Category => filter with { Category = Enum.Parse<ServiceCategory>(key) },
            CompareDimension.ResourceType => filter with { ResourceType = Enum.Parse<ResourceType>(key) },
            _ => filter with { CloudProjectId = key },
        };
    }

    private static List<CompareRow> Rows(CompareDimension dimension, IReadOnlyList<CostMonth> costs, Func<CostEntry, string?> key, Func<string, string> label)
    {
        var (a, b) = (Cells(costs[0], key), Cells(costs[1], key));
        return a.Keys.Union(b.Keys)
            .Select(k =>
            {
                var (amountA, linesA) = a.GetValueOrDefault(k);
                var (amountB, linesB) = b.GetValueOrDefault(k);
                return new CompareRow(dimension, k, label(k), amountA, amountB, linesA, linesB);
            })
            .OrderByDescending(r => r.A > r.B ? r.A : r.B).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, (Money Amount, int Lines)> Cells(CostMonth month, Func<CostEntry, string?> key) =>
        month.Entries.Where(e => key(e) is not null).GroupBy(e => key(e)!)
            .ToDictionary(g => g.Key, g => (Money.Sum(g.Select(e => e.Amount)), g.Count()), StringComparer.Ordinal);
}

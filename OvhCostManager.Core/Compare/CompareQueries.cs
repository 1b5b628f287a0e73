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
    string MonthA, string MonthB, string Currency, Money TotalA, Money TotalB,
    IReadOnlyList<CompareRow> ByCategory, IReadOnlyList<CompareRow> ByProject, IReadOnlyList<CompareRow> ByResourceType)
{
    public Variation Variation => new(TotalA, TotalB);
}

/// <summary>
/// Month A against month B over bill lines without tax. Rows are the union of both months' keys, so a project or a
/// category billed in only one month appears with 0 on the other side (the old tool dropped them).
/// </summary>
public sealed class CompareQueries(IDbContextFactory<CostDbContext> contexts, BillLineQueries lines)
{
    public async Task<CompareReport> GetAsync(string monthA, string monthB, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var currency = (await db.ReadAccountSettingsAsync(cancellationToken)).Currency;
        var both = db.BillLines.Where(l => l.BillingMonth == monthA || l.BillingMonth == monthB);
        var totalA = await db.BillLines.Where(l => l.BillingMonth == monthA).SumMoneyAsync(l => l.Total, cancellationToken);
        var totalB = await db.BillLines.Where(l => l.BillingMonth == monthB).SumMoneyAsync(l => l.Total, cancellationToken);

        var categories = (await both.GroupBy(l => new { l.Category, l.BillingMonth })
                .Select(g => new { g.Key.Category, g.Key.BillingMonth, Ucents = g.Sum(l => (long)(object)l.Total), Lines = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(r => new Cell(r.Category.ToString(), r.BillingMonth, r.Ucents, r.Lines));
        var types = (await both.GroupBy(l => new { l.ResourceType, l.BillingMonth })
                .Select(g => new { g.Key.ResourceType, g.Key.BillingMonth, Ucents = g.Sum(l => (long)(object)l.Total), Lines = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(r => new Cell(r.ResourceType.ToString(), r.BillingMonth, r.Ucents, r.Lines));
        var projects = (await both.Where(l => l.CloudProjectId != null).GroupBy(l => new { l.CloudProjectId, l.BillingMonth })
                .Select(g => new { g.Key.CloudProjectId, g.Key.BillingMonth, Ucents = g.Sum(l => (long)(object)l.Total), Lines = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(r => new Cell(r.CloudProjectId!, r.BillingMonth, r.Ucents, r.Lines));
        var names = await OverviewQueries.ProjectNamesAsync(db, cancellationToken);

        return new CompareReport(monthA, monthB, currency, totalA, totalB,
            Rows(CompareDimension.Category, categories, monthA, monthB, k => k),
            Rows(CompareDimension.Project, projects, monthA, monthB, k => OverviewQueries.ProjectName(names, k)),
            Rows(CompareDimension.ResourceType, types, monthA, monthB, k => k));
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

    private static List<CompareRow> Rows(CompareDimension dimension, IEnumerable<Cell> cells, string monthA, string monthB, Func<string, string> label) =>
        cells.GroupBy(c => c.Key)
            .Select(g =>
            {
                var a = g.FirstOrDefault(c => c.Month == monthA);
                var b = g.FirstOrDefault(c => c.Month == monthB);
                return new CompareRow(dimension, g.Key, label(g.Key), new Money(a?.Ucents ?? 0), new Money(b?.Ucents ?? 0), a?.Lines ?? 0, b?.Lines ?? 0);
            })
            .OrderByDescending(r => r.A > r.B ? r.A : r.B).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();

    private sealed record Cell(string Key, string Month, long Ucents, int Lines);
}

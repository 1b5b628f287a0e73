using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.BillLines;

/// <summary>
/// Which bill lines to list: one or more months, narrowed by project, resource type, category, service, bill or
/// service period (a line matches a period when its <c>periodStart</c>–<c>periodEnd</c> lies within it).
/// </summary>
public sealed record BillLineFilter(IReadOnlyList<string> Months)
{
    public string? CloudProjectId { get; init; }
    public ResourceType? ResourceType { get; init; }
    public ServiceCategory? Category { get; init; }
    public string? ServiceName { get; init; }
    public string? BillId { get; init; }
    public DateOnly? PeriodFrom { get; init; }
    public DateOnly? PeriodTo { get; init; }

    /// <summary>Incurred: the lines whose service period covers a day of the months (or, without a period, billed in them).</summary>
    public CostLens Lens { get; init; } = CostLenses.Default;
}

/// <summary>One bill line as the drill-downs show it.</summary>
public sealed record BillLineRow(
    string BillId, string DetailId, string Month, DateOnly BillDate, string Description, string ServiceName, decimal Quantity,
    Money UnitPrice, Money Total, ServiceCategory Category, ResourceType ResourceType, string? CloudProjectId,
    string? ResourceKey, DateOnly? PeriodStart, DateOnly? PeriodEnd);

/// <summary>The column a page of bill lines is sorted by.</summary>
public enum BillLineSort
{
    Total,
    Month,
    BillId,
    ServiceName,
    Description,
}

/// <summary>
/// One page of a filtered list: lines whose month, bill, service or description contains <paramref name="Search"/>
/// (case-insensitive), in the given order; <paramref name="Take"/> null means every line from <paramref name="Skip"/> on.
/// </summary>
public sealed record BillLinePageRequest(int Skip, int? Take, string? Search = null, BillLineSort SortBy = BillLineSort.Total, bool Descending = true);

/// <summary>The lines of a page and how many lines the filter and search match in all.</summary>
public sealed record BillLinePage(IReadOnlyList<BillLineRow> Rows, int TotalCount);

/// <summary>The bill lines behind a figure: a project's lines (drill-down), a Compare row unfolded.</summary>
public sealed class BillLineQueries(IDbContextFactory<CostDbContext> contexts)
{
    /// <summary>Hard cap on the lines <see cref="GetAsync"/> lists so a careless filter cannot load a whole account into memory.</summary>
    public const int MaxLines = 2000;

    /// <summary>The lines of the filter, largest first (at most <see cref="MaxLines"/>).</summary>
    public async Task<IReadOnlyList<BillLineRow>> GetAsync(BillLineFilter filter, CancellationToken cancellationToken = default) =>
        (await GetPageAsync(filter, new BillLinePageRequest(0, MaxLines), cancellationToken)).Rows;

    /// <summary>One page of the filter's lines, searched and sorted in the database (the tables of lines page on the server).</summary>
    public async Task<BillLinePage> GetPageAsync(BillLineFilter filter, BillLinePageRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lines = Filtered(db, filter);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            // SQLite's LIKE is case-insensitive for ASCII only: both sides are folded by TextFunctions.Fold first.
            var pattern = "%" + TextFunctions.Fold(request.Search.Trim()).Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            lines = lines.Where(l => EF.Functions.Like(l.BillingMonth, pattern, "\\") || EF.Functions.Like(TextFunctions.Fold(l.BillId), pattern, "\\")
                || EF.Functions.Like(TextFunctions.Fold(l.Domain), pattern, "\\") || EF.Functions.Like(TextFunctions.Fold(l.Description), pattern, "\\"));
        }

        var total = await lines.CountAsync(cancellationToken);
        var page = Sorted(lines, request.SortBy, request.Descending).Skip(request.Skip);
        if (request.Take is { } take)
        {
            page = page.Take(take);
        }

        var rows = await page
            .Select(l => new { l.BillId, l.DetailId, l.BillingMonth, l.Bill!.DateUtc, l.Description, l.Domain, l.Quantity, l.UnitPrice, l.Total, l.Category, l.ResourceType, l.CloudProjectId, l.ResourceKey, l.PeriodStart, l.PeriodEnd })
            .ToListAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(db, cancellationToken);
        return new BillLinePage(
            rows.Select(l => new BillLineRow(l.BillId, l.DetailId, l.BillingMonth, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(l.DateUtc, zone).DateTime),
                    l.Description, l.Domain, l.Quantity, l.UnitPrice, l.Total, l.Category, l.ResourceType, l.CloudProjectId, l.ResourceKey, l.PeriodStart, l.PeriodEnd))
                .ToList(),
            total);
    }

    /// <summary>Whether a Public Cloud project with this id is known (in the project list or on any bill line).</summary>
    public async Task<bool> ProjectExistsAsync(string projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CloudProjects.AnyAsync(p => p.Id == projectId, cancellationToken)
            || await db.BillLines.AnyAsync(l => l.CloudProjectId == projectId, cancellationToken);
    }

    /// <summary>The lines of a filter, unsorted, for a query that sums or counts them in the same terms as the tables list them.</summary>
    internal static IQueryable<BillLine> Filtered(CostDbContext db, BillLineFilter filter)
    {
        var months = filter.Months.ToList();
        var lines = filter.Lens == CostLens.Invoiced ? db.BillLines.Where(l => months.Contains(l.BillingMonth)) : db.BillLines.Where(ServicePeriod.Covering(months));
        if (filter.CloudProjectId is { } project)
        {
            lines = lines.Where(l => l.CloudProjectId == project);
        }

        if (filter.ResourceType is { } type)
        {
            lines = lines.Where(l => l.ResourceType == type);
        }

        if (filter.Category is { } category)
        {
            lines = lines.Where(l => l.Category == category);
        }

        if (filter.ServiceName is { } service)
        {
            // The inventory's own spelling of the name when the line maps to a known service, else its domain.
            lines = lines.Where(l => (l.ResourceKey ?? l.Domain) == service);
        }

        if (filter.BillId is { } bill)
        {
            lines = lines.Where(l => l.BillId == bill);
        }

        if (filter.PeriodFrom is { } from)
        {
            lines = lines.Where(l => l.PeriodStart >= from);
        }

        if (filter.PeriodTo is { } to)
        {
            lines = lines.Where(l => l.PeriodEnd <= to);
        }

        return lines;
    }

    // Ties are broken by bill and line id so that pages never overlap.
    private static IOrderedQueryable<BillLine> Sorted(IQueryable<BillLine> lines, BillLineSort sortBy, bool descending)
    {
        var sorted = sortBy switch
        {
            BillLineSort.Month => descending ? lines.OrderByDescending(l => l.BillingMonth) : lines.OrderBy(l => l.BillingMonth),
            BillLineSort.BillId => descending ? lines.OrderByDescending(l => l.BillId) : lines.OrderBy(l => l.BillId),
            BillLineSort.ServiceName => descending ? lines.OrderByDescending(l => l.Domain) : lines.OrderBy(l => l.Domain),
            BillLineSort.Description => descending ? lines.OrderByDescending(l => l.Description) : lines.OrderBy(l => l.Description),
            _ => descending ? lines.OrderByDescending(l => l.Total) : lines.OrderBy(l => l.Total),
        };
        return sorted.ThenBy(l => l.BillId).ThenBy(l => l.DetailId);
    }
}

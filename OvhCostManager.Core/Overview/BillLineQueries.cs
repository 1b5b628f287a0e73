using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Core.Overview;

/// <summary>Which bill lines to list: one or more months, narrowed by project, resource type, category or service.</summary>
public sealed record BillLineFilter(IReadOnlyList<string> Months)
{
    public string? CloudProjectId { get; init; }
    public ResourceType? ResourceType { get; init; }
    public ServiceCategory? Category { get; init; }
    public string? ServiceName { get; init; }
}

/// <summary>One bill line as the drill-downs show it.</summary>
public sealed record BillLineRow(
    string BillId, string DetailId, string Month, DateOnly BillDate, string Description, string ServiceName, decimal Quantity,
    Money UnitPrice, Money Total, ServiceCategory Category, ResourceType ResourceType, string? CloudProjectId);

/// <summary>The bill lines behind a figure: a project's lines (drill-down), a Compare row unfolded.</summary>
public sealed class BillLineQueries(IDbContextFactory<CostDbContext> contexts)
{
    /// <summary>Hard cap on listed lines so a careless filter cannot load a whole account into a page.</summary>
    public const int MaxLines = 2000;

    public async Task<IReadOnlyList<BillLineRow>> GetAsync(BillLineFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var months = filter.Months.ToList();
        var lines = db.BillLines.Where(l => months.Contains(l.BillingMonth));
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
            lines = lines.Where(l => l.Domain == service);
        }

        var rows = await lines.OrderByDescending(l => l.Total).Take(MaxLines)
            .Select(l => new { l.BillId, l.DetailId, l.BillingMonth, l.Bill!.DateUtc, l.Description, l.Domain, l.Quantity, l.UnitPrice, l.Total, l.Category, l.ResourceType, l.CloudProjectId })
            .ToListAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(db, cancellationToken);
        return rows.Select(l => new BillLineRow(l.BillId, l.DetailId, l.BillingMonth, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(l.DateUtc, zone).DateTime),
                l.Description, l.Domain, l.Quantity, l.UnitPrice, l.Total, l.Category, l.ResourceType, l.CloudProjectId))
            .ToList();
    }

    /// <summary>Whether a Public Cloud project with this id is known (in the project list or on any bill line).</summary>
    public async Task<bool> ProjectExistsAsync(string projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CloudProjects.AnyAsync(p => p.Id == projectId, cancellationToken)
            || await db.BillLines.AnyAsync(l => l.CloudProjectId == projectId, cancellationToken);
    }
}

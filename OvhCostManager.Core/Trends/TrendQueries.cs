using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Overview;

namespace OvhCostManager.Core.Trends;

public sealed record MonthAmount(string Month, Money Amount);

/// <summary>One series of a stacked chart: a category or resource type, one amount per month of the window.</summary>
public sealed record TrendSeries(string Key, IReadOnlyList<MonthAmount> Points)
{
    public Money Total => Money.Sum(Points.Select(p => p.Amount));
}

public sealed record DayAmount(DateOnly Day, Money Amount);

/// <summary>
/// Annual projection: the mean of the last <see cref="BasisMonths"/> months of the window × 12 (stated in the UI,
/// so nobody mistakes it for a budget).
/// </summary>
public sealed record AnnualProjection(Money Amount, int BasisMonths, string FirstBasisMonth, string LastBasisMonth);

/// <summary>Every figure of the Trends tab for a window.</summary>
public sealed record TrendReport(
    TrendWindow Window,
    string Currency,
    IReadOnlyList<MonthAmount> Totals,
    IReadOnlyList<TrendSeries> ByCategory,
    IReadOnlyList<TrendSeries> ByResourceType,
    IReadOnlyList<MonthAmount> Gpu,
    string DailyMonth,
    IReadOnlyList<DayAmount> Daily,
    Variation Growth,
    MonthAmount? MostExpensive,
    AnnualProjection Projection)
{
    public bool HasGpu => Gpu.Any(g => g.Amount != Money.Zero);
}

/// <summary>Monthly series over a window of calendar months (months without bills are 0) and daily costs inside one month.</summary>
public sealed class TrendQueries(IDbContextFactory<CostDbContext> contexts)
{
    public const int ProjectionBasisMonths = 3;

    public async Task<TrendReport> GetAsync(TrendWindow window, CancellationToken cancellationToken = default)
    {
        var months = window.Months;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var currency = (await db.ReadAccountSettingsAsync(cancellationToken)).Currency;
        var lines = db.BillLines.Where(l => string.Compare(l.BillingMonth, window.From) >= 0 && string.Compare(l.BillingMonth, window.To) <= 0);

        // One pass over the window's lines (index-only: the (BillingMonth, Category, ResourceType, IsGpu, Total) index
        // covers it); the three series are folded from these few hundred groups in memory.
        var groups = await lines.GroupBy(l => new { l.BillingMonth, l.Category, l.ResourceType, l.IsGpu })
            .Select(g => new { g.Key.BillingMonth, g.Key.Category, g.Key.ResourceType, g.Key.IsGpu, Ucents = g.Sum(l => (long)(object)l.Total) })
            .ToListAsync(cancellationToken);
        var byCategory = groups.GroupBy(r => new { r.BillingMonth, r.Category })
            .Select(g => new { g.Key.BillingMonth, g.Key.Category, Ucents = g.Sum(r => r.Ucents) }).ToList();
        var byType = groups.GroupBy(r => new { r.BillingMonth, r.ResourceType })
            .Select(g => new { g.Key.BillingMonth, g.Key.ResourceType, Ucents = g.Sum(r => r.Ucents) }).ToList();
        var gpu = groups.Where(r => r.IsGpu).GroupBy(r => r.BillingMonth)
            .Select(g => new { Month = g.Key, Ucents = g.Sum(r => r.Ucents) }).ToList();

        var totals = months.Select(m => new MonthAmount(m, new Money(byCategory.Where(r => r.BillingMonth == m).Sum(r => r.Ucents)))).ToList();
        var categorySeries = byCategory.GroupBy(r => r.Category)
            .Select(g => new TrendSeries(g.Key.ToString(), months.Select(m => new MonthAmount(m, new Money(g.Where(r => r.BillingMonth == m).Sum(r => r.Ucents)))).ToList()))
            .OrderByDescending(s => s.Total).ToList();
        var typeSeries = byType.GroupBy(r => r.ResourceType)
            .Select(g => new TrendSeries(g.Key.ToString(), months.Select(m => new MonthAmount(m, new Money(g.Where(r => r.BillingMonth == m).Sum(r => r.Ucents)))).ToList()))
            .OrderByDescending(s => s.Total).ToList();
        var gpuSeries = months.Select(m => new MonthAmount(m, new Money(gpu.Where(r => r.Month == m).Sum(r => r.Ucents)))).ToList();

        var daily = await DailyAsync(db, window.To, cancellationToken);
        var mostExpensive = totals.Where(t => t.Amount != Money.Zero).OrderByDescending(t => t.Amount).ThenBy(t => t.Month, StringComparer.Ordinal).FirstOrDefault();
        var basis = totals.TakeLast(ProjectionBasisMonths).ToList();
        var projection = new AnnualProjection(new Money(Money.Sum(basis.Select(b => b.Amount)).Ucents * 12 / basis.Count), basis.Count, basis[0].Month, basis[^1].Month);

        return new TrendReport(window, currency, totals, categorySeries, typeSeries, gpuSeries, window.To, daily,
            new Variation(totals[0].Amount, totals[^1].Amount), mostExpensive, projection);
    }

    /// <summary>Bills of <paramref name="month"/> summed per calendar day of their date in the account time zone; every day listed.</summary>
    private static async Task<IReadOnlyList<DayAmount>> DailyAsync(CostDbContext db, string month, CancellationToken cancellationToken)
    {
        var zone = await AccountTimeZone.ReadAsync(db, cancellationToken);
        var bills = await db.Bills.Where(b => b.BillingMonth == month)
            .Select(b => new { b.DateUtc, Ucents = b.Lines.Sum(l => (long)(object)l.Total) })
            .ToListAsync(cancellationToken);
        var (first, last) = BillingMonth.Days(month);
        var perDay = bills.GroupBy(b => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(b.DateUtc, zone).DateTime))
            .ToDictionary(g => g.Key, g => g.Sum(b => b.Ucents));
        var days = new List<DayAmount>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            days.Add(new DayAmount(d, new Money(perDay.GetValueOrDefault(d))));
        }

        return days;
    }
}

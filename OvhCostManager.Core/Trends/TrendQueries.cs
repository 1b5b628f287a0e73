using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
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

/// <summary>
/// Every figure of the Trends tab for a window under a lens. Months before the first month with any cost are left
/// out (not drawn as 0 €); a month in progress is listed, flagged in <see cref="InProgressMonth"/>, and kept out of
/// <see cref="Growth"/> and <see cref="Projection"/>.
/// </summary>
public sealed record TrendReport(
    TrendWindow Window,
    CostLens Lens,
    string Currency,
    IReadOnlyList<MonthAmount> Totals,
    IReadOnlyList<TrendSeries> ByCategory,
    IReadOnlyList<TrendSeries> ByResourceType,
    IReadOnlyList<MonthAmount> Gpu,
    string DailyMonth,
    IReadOnlyList<DayAmount> Daily,
    Variation Growth,
    string GrowthFrom,
    string GrowthTo,
    MonthAmount? MostExpensive,
    AnnualProjection? Projection,
    string? InProgressMonth)
{
    public bool HasGpu => Gpu.Any(g => g.Amount != Money.Zero);
}

/// <summary>Monthly series over a window of calendar months and daily costs inside its last month, from <see cref="CostLedger"/>.</summary>
public sealed class TrendQueries(IDbContextFactory<CostDbContext> contexts, CostLedger ledger, TimeProvider time)
{
    public const int ProjectionBasisMonths = 3;

    // Enum.ToString allocates: the series keys are looked up once per entry.
    private static readonly Dictionary<ServiceCategory, string> CategoryNames = Enum.GetValues<ServiceCategory>().ToDictionary(c => c, c => c.ToString());
    private static readonly Dictionary<ResourceType, string> TypeNames = Enum.GetValues<ResourceType>().ToDictionary(t => t, t => t.ToString());

    public async Task<TrendReport> GetAsync(TrendWindow window, CostLens lens = CostLenses.Default, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var currency = (await db.ReadAccountSettingsAsync(cancellationToken)).Currency;
        var zone = await AccountTimeZone.ReadAsync(db, cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var currentMonth = BillingMonth.Of(today);

        var cells = await ledger.GetSummaryAsync(window.Months, lens, cancellationToken);
        var withCosts = cells.Select(c => c.Month).ToHashSet(StringComparer.Ordinal);
        var months = window.Months.SkipWhile(m => !withCosts.Contains(m)).ToList();
        if (months.Count == 0)
        {
            months = window.Months.ToList();
        }

        var totals = months.Select(m => new MonthAmount(m, Money.Sum(cells.Where(c => c.Month == m).Select(c => c.Amount)))).ToList();
        var categorySeries = Series(months, cells, c => CategoryNames[c.Category]);
        var typeSeries = Series(months, cells, c => TypeNames[c.Type]);
        var gpuSeries = months.Select(m => new MonthAmount(m, Money.Sum(cells.Where(c => c.Month == m && c.IsGpu).Select(c => c.Amount)))).ToList();
        var lastMonth = await ledger.GetMonthAsync(months[^1], lens, cancellationToken);

        var inProgress = months.Contains(currentMonth) ? currentMonth : null;
        var complete = totals.Where(t => t.Month != inProgress && string.CompareOrdinal(t.Month, currentMonth) < 0).ToList();
        var growthBasis = complete.Count > 0 ? complete : totals;
        var mostExpensive = totals.Where(t => t.Amount != Money.Zero).OrderByDescending(t => t.Amount).ThenBy(t => t.Month, StringComparer.Ordinal).FirstOrDefault();
        var basis = complete.TakeLast(ProjectionBasisMonths).ToList();
        var projection = basis.Count == 0 ? null
            : new AnnualProjection(new Money(Money.Sum(basis.Select(b => b.Amount)).Ucents * 12 / basis.Count), basis.Count, basis[0].Month, basis[^1].Month);

        return new TrendReport(window, lens, currency, totals, categorySeries, typeSeries, gpuSeries, lastMonth.Month, Daily(lastMonth),
            new Variation(growthBasis[0].Amount, growthBasis[^1].Amount), growthBasis[0].Month, growthBasis[^1].Month,
            mostExpensive, projection, inProgress);
    }

    private static List<TrendSeries> Series(IReadOnlyList<string> months, IReadOnlyList<CostCell> cells, Func<CostCell, string> key)
    {
        var sums = new Dictionary<(string Key, string Month), Money>();
        foreach (var cell in cells)
        {
            sums[(key(cell), cell.Month)] = sums.GetValueOrDefault((key(cell), cell.Month)) + cell.Amount;
        }

        return sums.Keys.Select(c => c.Key).Distinct(StringComparer.Ordinal)
            .Select(k => new TrendSeries(k, months.Select(m => new MonthAmount(m, sums.GetValueOrDefault((k, m)))).ToList()))
            .OrderByDescending(s => s.Total).ToList();
    }

    /// <summary>The month's costs per calendar day: bills on their date (invoiced), services spread over their days (incurred).</summary>
    private static IReadOnlyList<DayAmount> Daily(CostMonth costs)
    {
        var (first, last) = BillingMonth.Days(costs.Month);
        var days = new List<DayAmount>();
        var before = Money.Zero;
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            var upTo = costs.Through(d);
            days.Add(new DayAmount(d, upTo - before));
            before = upTo;
        }

        return days;
    }
}

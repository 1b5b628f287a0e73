using System.Linq.Expressions;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Costs;

/// <summary>One month's part of a bill line spread over its service period.</summary>
public readonly record struct MonthShare(string Month, DateOnly From, DateOnly To, Money Amount);

/// <summary>
/// Spreads an amount over the days of a service period (<c>periodStart</c>–<c>periodEnd</c>, both included), one
/// share per calendar month. Shares are whole micro-cents; each is the cumulative share up to its month minus the
/// cumulative share before it, so the shares of a line always add up to the line.
/// </summary>
public static class ServicePeriod
{
    /// <summary>Longer than this, a period is taken for a data error and the line keeps its bill date.</summary>
    public const int LongestDays = 5 * 366;

    public static bool IsUsable(DateOnly? start, DateOnly? end) =>
        start is { } s && end is { } e && e >= s && e.DayNumber - s.DayNumber < LongestDays;

    public static IReadOnlyList<MonthShare> Split(Money amount, DateOnly start, DateOnly end)
    {
        if (!IsUsable(start, end))
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"{start:yyyy-MM-dd}–{end:yyyy-MM-dd} is not a service period.");
        }

        var days = end.DayNumber - start.DayNumber + 1;
        var shares = new List<MonthShare>();
        var before = 0L;
        var covered = 0;
        for (var from = start; from <= end;)
        {
            var monthEnd = new DateOnly(from.Year, from.Month, 1).AddMonths(1).AddDays(-1);
            var to = monthEnd < end ? monthEnd : end;
            covered += to.DayNumber - from.DayNumber + 1;
            var upTo = (long)((Int128)amount.Ucents * covered / days);
            shares.Add(new MonthShare(BillingMonth.Of(from), from, to, new Money(upTo - before)));
            before = upTo;
            from = to.AddDays(1);
        }

        return shares;
    }

    /// <summary>
    /// The lines the incurred lens places in <paramref name="months"/>: a service period covering a day of one of them,
    /// or no usable period and billed in one of them.
    /// </summary>
    public static Expression<Func<BillLine, bool>> Covering(IReadOnlyList<string> months)
    {
        Expression<Func<BillLine, bool>> withoutPeriod = l => (l.PeriodStart == null || l.PeriodEnd == null || l.PeriodEnd < l.PeriodStart) && months.Contains(l.BillingMonth);
        var body = withoutPeriod.Body;
        foreach (var (first, last) in months.Select(BillingMonth.Days))
        {
            Expression<Func<BillLine, bool>> overlaps = l => l.PeriodEnd >= l.PeriodStart && l.PeriodStart <= last && l.PeriodEnd >= first;
            body = Expression.OrElse(body, Expression.Invoke(overlaps, withoutPeriod.Parameters[0]));
        }

        return Expression.Lambda<Func<BillLine, bool>>(body, withoutPeriod.Parameters);
    }
}

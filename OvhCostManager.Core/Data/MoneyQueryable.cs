using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data;

/// <summary>
/// Exact SQL sums over <see cref="Money"/> columns. EF Core cannot translate <c>l.Total.Ucents</c> (a member of a
/// converted value); <see cref="UcentsOf"/> is mapped to <c>CAST(Total AS INTEGER)</c> for grouped sums, and
/// <see cref="SumMoneyAsync{T}"/> sums one column.
/// </summary>
public static class MoneyQueryable
{
    private static readonly MethodInfo ToUcentsMethod =
        typeof(MoneyQueryable).GetMethod(nameof(ToUcents), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>SUM of a Money column computed by SQLite (0 when no row matches).</summary>
    public static async Task<Money> SumMoneyAsync<T>(this IQueryable<T> source, Expression<Func<T, Money>> selector, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selector);
        return new Money(await source.SumAsync(Ucents(selector), cancellationToken));
    }

    /// <summary>
    /// Rewrites <c>x =&gt; x.Total</c> into <c>x =&gt; (long)x.Total</c>, usable in <c>Sum</c>, <c>GroupBy</c>
    /// aggregates and projections that EF Core translates to SQL.
    /// </summary>
    public static Expression<Func<T, long>> Ucents<T>(Expression<Func<T, Money>> selector) =>
        Expression.Lambda<Func<T, long>>(Expression.Convert(selector.Body, typeof(long), ToUcentsMethod), selector.Parameters);

    private static long ToUcents(Money money) => money.Ucents;

    /// <summary>
    /// The micro-cents of a Money column inside a query, e.g. <c>g.Sum(l =&gt; MoneyQueryable.UcentsOf(l.Total))</c>
    /// in a grouped projection; SQLite reads the stored integer (mapped in <c>CostDbContext</c>).
    /// </summary>
    public static long UcentsOf(Money money) => money.Ucents;
}

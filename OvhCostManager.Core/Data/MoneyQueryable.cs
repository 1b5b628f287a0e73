using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data;

/// <summary>
/// Exact SQL sums over <see cref="Money"/> columns. EF Core 6 cannot translate <c>l.Total.Ucents</c> (a member of a
/// converted value), but it translates a cast of the column to <see cref="long"/> into
/// <c>CAST(Total AS INTEGER)</c>; <see cref="Ucents"/> builds that cast.
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
}

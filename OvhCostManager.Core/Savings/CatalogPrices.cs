using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Core.Savings;

/// <summary>The stored prices of OVH's public Public Cloud catalogue, by plan code and interval unit.</summary>
public sealed class CatalogPrices
{
    /// <summary>OVH's price pages turn an hourly price into a monthly one over 730 hours (365 × 24 / 12).</summary>
    public const int HoursPerMonth = 730;

    private readonly Dictionary<(string PlanCode, string Unit), Money> prices;

    private CatalogPrices(Dictionary<(string, string), Money> prices, DateTimeOffset? takenAtUtc)
    {
        this.prices = prices;
        TakenAtUtc = takenAtUtc;
    }

    /// <summary>When the catalogue was read; null when it never was.</summary>
    public DateTimeOffset? TakenAtUtc { get; }

    public static async Task<CatalogPrices> ReadAsync(CostDbContext context, CancellationToken cancellationToken)
    {
        var rows = await context.CloudCatalogPrices.AsNoTracking().ToListAsync(cancellationToken);
        return new CatalogPrices(rows.ToDictionary(p => (p.PlanCode, p.IntervalUnit), p => p.Price), rows.Count == 0 ? null : rows.Max(p => p.TakenAtUtc));
    }

    public Money? PerHour(string planCode) => prices.TryGetValue((planCode, "hour"), out var price) ? price : null;

    public Money? PerMonth(string planCode) => prices.TryGetValue((planCode, "month"), out var price) ? price : null;

    /// <summary>A flavour billed by the hour: <c>b3-8.consumption</c>.</summary>
    public static string HourlyPlan(string flavor) => flavor + ".consumption";

    /// <summary>The same flavour billed by the month: <c>b3-8.monthly.postpaid</c>.</summary>
    public static string MonthlyPlan(string flavor) => flavor + ".monthly.postpaid";
}

using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh.Models;

namespace OvhCostManager.Core.Changes;

/// <summary>
/// After a run that read the consumption or the cloud details, makes today's <c>resource_days</c> rows the instances
/// now in the inventory, each priced by this reading's consumption of it (or by its last known price at its flavour),
/// and the services with their expiry.
/// </summary>
public sealed class ResourceDayRecorder(IDbContextFactory<CostDbContext> contexts, TimeProvider clock)
{
    private const string HourlySuffix = ".consumption";

    public async Task RecordAsync(IReadOnlyList<ConsumptionTransaction>? current, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var instances = await context.CloudInstances.ToListAsync(cancellationToken);
        // A service listed under two resource types is one service, with one expiry.
        var services = (await context.ServiceRenewals.ToListAsync(cancellationToken))
            .GroupBy(s => s.ServiceName, StringComparer.Ordinal).Select(g => g.OrderBy(s => s.ResourceType).First()).ToList();
        var lastDay = await context.ResourceDays.Where(r => r.Day <= day).Select(r => (DateOnly?)r.Day).MaxAsync(cancellationToken);
        var known = lastDay is { } last
            ? await context.ResourceDays.Where(r => r.Day == last && r.Kind == ResourceDayKind.Instance && r.HourlyPrice != null).ToListAsync(cancellationToken)
            : [];
        var knownPrices = known.ToDictionary(r => (r.InstanceId, r.Flavor ?? ""), r => r.HourlyPrice);
        var readPrices = HourlyPrices(current ?? []);

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.ResourceDays.Where(r => r.Day == day).ExecuteDeleteAsync(cancellationToken);
        context.ResourceDays.AddRange(instances.Select(i => new ResourceDay
        {
            Day = day,
            InstanceId = i.InstanceId,
            ProjectId = i.ProjectId,
            Name = i.Name,
            Flavor = i.Flavor,
            Region = i.Region,
            Status = i.Status,
            MonthlyBilling = i.MonthlyBilling,
            HourlyPrice = readPrices.GetValueOrDefault((i.InstanceId, i.Flavor ?? "")) ?? knownPrices.GetValueOrDefault((i.InstanceId, i.Flavor ?? "")),
            ObservedAtUtc = now,
        }));
        context.ResourceDays.AddRange(services.Select(s => new ResourceDay
        {
            Day = day,
            Kind = ResourceDayKind.Service,
            InstanceId = s.ServiceName,
            Name = s.ServiceName,
            Status = s.Status,
            ExpiresOn = s.ExpiresOn,
            ObservedAtUtc = now,
        }));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// OVH rule: an hourly instance is consumed under the plan code <c>{flavour}.consumption</c>, one detail per instance
    /// (<c>unique_id</c>) whose quantity is its hours; amount over hours is its hour's price at that flavour.
    /// </summary>
    private static Dictionary<(string InstanceId, string Flavor), Money?> HourlyPrices(IReadOnlyList<ConsumptionTransaction> transactions)
    {
        var prices = new Dictionary<(string, string), Money?>();
        foreach (var element in transactions.SelectMany(t => t.Elements).Where(e => e.PlanCode.EndsWith(HourlySuffix, StringComparison.Ordinal)))
        {
            var flavor = element.PlanCode[..^HourlySuffix.Length];
            foreach (var detail in element.Details.Where(d => d.UniqueId is not null && d.Quantity > 0))
            {
                prices[(detail.UniqueId!, flavor)] = new Money((long)decimal.Round(detail.Price.Money.Ucents / detail.Quantity, 0, MidpointRounding.ToEven));
            }
        }

        return prices;
    }
}

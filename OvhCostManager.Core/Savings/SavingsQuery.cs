using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Core.Savings;

/// <summary>
/// The Savings page: hourly → monthly advice, cloud leftovers and the reconciliation of bills with the inventory, in the
/// account's currency and time zone.
/// </summary>
/// <param name="PossibleSaving">
/// A month's possible saving: the advice's positive savings plus what the leftovers cost. Services billed but not there
/// are not in it: what they charge is to be checked or claimed back, not saved by acting on a resource.
/// </param>
public sealed record SavingsView(HourlyToMonthlyAdvice Advice, CloudLeftovers Leftovers, BilledButNotThereFindings Billed,
    IReadOnlyList<UnbilledService> Unbilled, string Currency, TimeZoneInfo TimeZone)
{
    public Money PossibleSaving => Advice.PossibleSaving + Leftovers.MonthlyTotal;

    public bool HasData => Advice.Instances.Count > 0 || Leftovers.Items.Count > 0 || Billed.Items.Count > 0 || Unbilled.Count > 0;
}

public sealed class SavingsQuery(HourlyToMonthlyAdvisor advisor, CloudLeftoverFinder leftovers, BilledButNotThereFinder billed,
    UnbilledInventoryFinder unbilled, IDbContextFactory<CostDbContext> contexts)
{
    public async Task<SavingsView> GetAsync(CancellationToken cancellationToken = default)
    {
        var advice = await advisor.GetAsync(cancellationToken);
        var found = await leftovers.GetAsync(cancellationToken);
        var notThere = await billed.GetAsync(cancellationToken);
        var notBilled = await unbilled.GetAsync(cancellationToken);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await context.ReadAccountSettingsAsync(cancellationToken);
        return new SavingsView(advice, found, notThere, notBilled, settings.Currency, AccountTimeZone.Find(settings.TimeZoneId));
    }
}

using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Core.Savings;

/// <summary>The Savings page: hourly → monthly advice and cloud leftovers, in the account's currency and time zone.</summary>
/// <param name="PossibleSaving">A month's possible saving: the advice's positive savings plus what the leftovers cost.</param>
public sealed record SavingsView(HourlyToMonthlyAdvice Advice, CloudLeftovers Leftovers, string Currency, TimeZoneInfo TimeZone)
{
    public Money PossibleSaving => Advice.PossibleSaving + Leftovers.MonthlyTotal;

    public bool HasData => Advice.Instances.Count > 0 || Leftovers.Items.Count > 0;
}

public sealed class SavingsQuery(HourlyToMonthlyAdvisor advisor, CloudLeftoverFinder leftovers, IDbContextFactory<CostDbContext> contexts)
{
    public async Task<SavingsView> GetAsync(CancellationToken cancellationToken = default)
    {
        var advice = await advisor.GetAsync(cancellationToken);
        var found = await leftovers.GetAsync(cancellationToken);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await context.ReadAccountSettingsAsync(cancellationToken);
        return new SavingsView(advice, found, settings.Currency, AccountTimeZone.Find(settings.TimeZoneId));
    }
}

using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator;

/// <summary>
/// Ongoing and forecast pay-as-you-go figures at an instant. Rule simulated: each element of the month accrues
/// linearly with elapsed time (floored to the cent per detail); the forecast is the full month; amounts added with
/// <see cref="SimulatedAccount.AdvanceConsumption"/> count in both at once.
/// </summary>
public static class ConsumptionView
{
    public static IReadOnlyList<ConsumptionElement> Current(SimulatedAccount account, DateTimeOffset now)
    {
        var month = BillingMonth.Of(now);
        var plan = account.PlanFor(month);
        var elapsed = (long)(now - month.Start).TotalSeconds;
        var total = (long)(month.End - month.Start).TotalSeconds;
        var bump = account.BumpOf(month);
        return plan.Elements.Select((e, i) => e with
        {
            Details = e.Details.Select((d, j) => new ConsumptionDetail(
                d.UniqueId,
                d.Quantity * elapsed / total,
                Scale(d.Amount, elapsed, total) + (i == 0 && j == 0 ? bump : Money.Zero))).ToList(),
        }).ToList();
    }

    public static IReadOnlyList<ConsumptionElement> Forecast(SimulatedAccount account, DateTimeOffset now)
    {
        var month = BillingMonth.Of(now);
        var bump = account.BumpOf(month);
        return account.PlanFor(month).Elements.Select((e, i) => i == 0 && bump != Money.Zero
            ? e with { Details = e.Details.Select((d, j) => j == 0 ? d with { Amount = d.Amount + bump } : d).ToList() }
            : e).ToList();
    }

    /// <summary>A closed month as billed on the 1st of the next one.</summary>
    public static IReadOnlyList<ConsumptionElement> Closed(SimulatedAccount account, BillingMonth month) =>
        Forecast(account, month.Start);

    private static Money Scale(Money amount, long elapsed, long total)
    {
        var ucents = (long)((Int128)amount.Ucents * elapsed / total);
        return new Money(ucents - ucents % 1_000_000);
    }
}

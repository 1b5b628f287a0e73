using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator;

/// <summary>
/// Ongoing and forecast pay-as-you-go figures at an instant. Rule simulated: each element of the month accrues
/// linearly with elapsed time (floored to the cent per detail), except the instances created after the account's first
/// day (the hours they ran so far, each started hour at its exact hourly price) and usage bursts (linearly over their
/// hours); the forecast is the full month off by an error that
/// shrinks to nothing by the last day (<see cref="ForecastErrorPpm"/>), as OVH's own estimate learns over the month;
/// amounts added with <see cref="SimulatedAccount.AdvanceConsumption"/> count in both at once.
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
        var later = account.LaterInstances.ToDictionary(l => (l.Id, l.Flavor.Name));
        var bursts = account.UsageBursts.ToDictionary(b => b.UniqueId, StringComparer.Ordinal);
        ConsumptionDetail Accrued(ConsumptionElement e, ConsumptionDetail d)
        {
            if (e.PlanFamily == "instance" && later.TryGetValue((d.UniqueId, e.Reference), out var instance))
            {
                var hours = SimulatedAccount.HoursIn(instance, month, now);
                return new ConsumptionDetail(d.UniqueId, hours, Money.FromDecimal(hours * instance.Flavor.HourlyPrice));
            }

            if (bursts.TryGetValue(d.UniqueId, out var burst))
            {
                var (done, length) = ((long)Math.Clamp((now - burst.Start).TotalSeconds, 0, UsageBurst.Hours * 3600), UsageBurst.Hours * 3600L);
                return new ConsumptionDetail(d.UniqueId, d.Quantity * done / length, Scale(d.Amount, done, length));
            }

            return new ConsumptionDetail(d.UniqueId, d.Quantity * elapsed / total, Scale(d.Amount, elapsed, total));
        }

        return plan.Elements.Select((e, i) => e with
        {
            Details = e.Details.Select((d, j) =>
            {
                var accrued = Accrued(e, d);
                return i == 0 && j == 0 ? accrued with { Amount = accrued.Amount + bump } : accrued;
            }).ToList(),
        }).ToList();
    }

    public static IReadOnlyList<ConsumptionElement> Forecast(SimulatedAccount account, DateTimeOffset now)
    {
        var month = BillingMonth.Of(now);
        var error = ForecastErrorPpm(account.Seed, month, DayOfMonth(now));
        return WithBump(account, month, account.PlanFor(month).Elements.Select(e => e with
        {
            Details = e.Details.Select(d => d with { Amount = Scale(d.Amount, 1_000_000 + error, 1_000_000) }).ToList(),
        }).ToList());
    }

    /// <summary>A closed month as billed on the 1st of the next one: the month's plan, with no forecast error.</summary>
    public static IReadOnlyList<ConsumptionElement> Closed(SimulatedAccount account, BillingMonth month) =>
        WithBump(account, month, account.PlanFor(month).Elements);

    /// <summary>
    /// The forecast's relative error on a day of the month, in millionths: up to ±25 % on the 1st, shrinking linearly to
    /// 0 on the last day; a function of the seed, the month and the day only, so every reading of one day agrees.
    /// Never below what is spent already: 1 − 0.25 (1 − f) ≥ f for every elapsed fraction f.
    /// </summary>
    public static int ForecastErrorPpm(int seed, BillingMonth month, int day)
    {
        var draw = new Random(unchecked(seed * 7919 + month.Index * 131 + day)).Next(-250_000, 250_001);
        return (int)((long)draw * (month.Days - day) / (month.Days - 1));
    }

    private static int DayOfMonth(DateTimeOffset now) => ParisTime.ToParis(now).Day;

    private static IReadOnlyList<ConsumptionElement> WithBump(SimulatedAccount account, BillingMonth month, IReadOnlyList<ConsumptionElement> elements)
    {
        var bump = account.BumpOf(month);
        return elements.Select((e, i) => i == 0 && bump != Money.Zero
            ? e with { Details = e.Details.Select((d, j) => j == 0 ? d with { Amount = d.Amount + bump } : d).ToList() }
            : e).ToList();
    }

    private static Money Scale(Money amount, long elapsed, long total)
    {
        var ucents = (long)((Int128)amount.Ucents * elapsed / total);
        return new Money(ucents - ucents % 1_000_000);
    }
}

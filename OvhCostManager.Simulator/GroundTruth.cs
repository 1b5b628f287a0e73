using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator;

/// <summary>
/// Exact expected figures for what the simulator serves at <see cref="Now"/>: what a correct importer must arrive at.
/// Months are billing months of the bill date in Europe/Paris (<c>yyyy-MM</c>); resource and project amounts are
/// sums of line totals (without tax) whose <c>domain</c> is that resource.
/// </summary>
public sealed record GroundTruth
{
    public required DateTimeOffset Now { get; init; }
    public required string CurrentMonth { get; init; }
    public required Money TotalWithoutTax { get; init; }
    public required Money TotalWithTax { get; init; }
    public required SortedDictionary<string, MonthTruth> Months { get; init; }
    public required SortedDictionary<string, BillTruth> Bills { get; init; }
    /// <summary>Project id → month → sum of lines billed to the project.</summary>
    public required SortedDictionary<string, SortedDictionary<string, Money>> CloudProjectsPerMonth { get; init; }
    /// <summary>Line <c>domain</c> → month → sum of its lines.</summary>
    public required SortedDictionary<string, SortedDictionary<string, Money>> ResourcesPerMonth { get; init; }
    public required TruthCounts Counts { get; init; }
    /// <summary>Sum of <c>/me/consumption/usage/current</c> transaction prices.</summary>
    public required Money ConsumptionCurrent { get; init; }
    /// <summary>Sum of <c>/me/consumption/usage/forecast</c> transaction prices.</summary>
    public required Money ConsumptionForecast { get; init; }
    /// <summary>
    /// Incurred lens: per month, each line's share of its service period (days covered; cumulative shares truncated
    /// to the micro-cent), lines without a period in their bill's month, and the current month's consumption so far.
    /// Months may run past <see cref="CurrentMonth"/> (a yearly service paid in advance).
    /// </summary>
    public required SortedDictionary<string, Money> IncurredPerMonth { get; init; }
    /// <summary>Incurred lens per line <c>domain</c> → month (bill lines only, as <see cref="IncurredPerMonth"/> spreads them).</summary>
    public required SortedDictionary<string, SortedDictionary<string, Money>> IncurredPerResource { get; init; }
    /// <summary>Unpaid bills with tax, as <c>/me/debtAccount</c> <c>todoAmount</c>.</summary>
    public required Money UnpaidWithTax { get; init; }
    /// <summary>Sum of the credit balances' amounts.</summary>
    public required Money CreditBalance { get; init; }
    /// <summary>Instances that appeared, changed flavour or vanished on the Paris days up to now's, with their € per day.</summary>
    public required IReadOnlyList<ResourceEvent> ResourceEvents { get; init; }
    /// <summary>Usage bursts begun by now (their full amount is spent within their day).</summary>
    public required IReadOnlyList<UsageBurst> UsageBursts { get; init; }
    /// <summary>Volumes attached to no listed instance, snapshots of a deleted volume, failover IPs routed nowhere.</summary>
    public required IReadOnlyList<LeftoverTruth> CloudLeftovers { get; init; }
    /// <summary>Listed instances billed by the hour, with their flavour's prices and hours of this and last month.</summary>
    public required IReadOnlyList<HourlyInstanceTruth> HourlyInstances { get; init; }

    /// <summary>A service billed after its end and a server billed that no listing shows, each with its month's lines.</summary>
    public required IReadOnlyList<BilledButNotThereTruth> BilledButNotThere { get; init; }

    /// <summary>The listed VPS no bill names, with its monthly price.</summary>
    public required IReadOnlyList<UnbilledTruth> Unbilled { get; init; }

    /// <summary>Services renewed so far after the account's first day, each on its expiry day.</summary>
    public required IReadOnlyList<ServiceRenewalEvent> Renewals { get; init; }

    public static GroundTruth Compute(SimulatedAccount account, DateTimeOffset now)
    {
        lock (account.SyncRoot)
        {
            var bills = account.VisibleBills(now);
            var months = new SortedDictionary<string, MonthTruth>(StringComparer.Ordinal);
            var billTruths = new SortedDictionary<string, BillTruth>(StringComparer.Ordinal);
            var resources = new SortedDictionary<string, SortedDictionary<string, Money>>(StringComparer.Ordinal);
            var projectIds = account.CloudProjects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            var projects = new SortedDictionary<string, SortedDictionary<string, Money>>(StringComparer.Ordinal);
            Money withoutTax = Money.Zero, withTax = Money.Zero, unpaid = Money.Zero;
            var lines = 0;
            var incurred = new SortedDictionary<string, Money>(StringComparer.Ordinal);
            var incurredPerResource = new SortedDictionary<string, SortedDictionary<string, Money>>(StringComparer.Ordinal);

            foreach (var bill in bills)
            {
                var month = bill.Month.ToString();
                var (net, tax, gross) = (bill.PriceWithoutTax, bill.Tax, bill.PriceWithTax);
                billTruths[bill.BillId] = new BillTruth(month, bill.Date, bill.Lines.Count, net, tax, gross, bill.PaymentAt(now) is not null);
                var m = months.GetValueOrDefault(month) ?? new MonthTruth(0, 0, Money.Zero, Money.Zero, Money.Zero);
                months[month] = new MonthTruth(m.Bills + 1, m.Lines + bill.Lines.Count, m.WithoutTax + net, m.Tax + tax, m.WithTax + gross);
                withoutTax += net;
                withTax += gross;
                lines += bill.Lines.Count;
                if (bill.PaymentAt(now) is null) unpaid += gross;
                foreach (var line in bill.Lines)
                {
                    Add(resources, line.Domain, month, line.TotalPrice);
                    foreach (var (incurredMonth, share) in Incur(line, month))
                    {
                        incurred[incurredMonth] = incurred.GetValueOrDefault(incurredMonth) + share;
                        Add(incurredPerResource, line.Domain, incurredMonth, share);
                    }
                    if (projectIds.Contains(line.Domain)) Add(projects, line.Domain, month, line.TotalPrice);
                }
            }

            var current = Money.Sum(ConsumptionView.Current(account, now).Select(e => e.Amount));
            var currentMonth = BillingMonth.Of(now).ToString();
            incurred[currentMonth] = incurred.GetValueOrDefault(currentMonth) + current;
            return new GroundTruth
            {
                Now = now,
                CurrentMonth = BillingMonth.Of(now).ToString(),
                TotalWithoutTax = withoutTax,
                TotalWithTax = withTax,
                Months = months,
                Bills = billTruths,
                CloudProjectsPerMonth = projects,
                ResourcesPerMonth = resources,
                Counts = new TruthCounts(bills.Count, lines, account.DedicatedServers.Count, account.Vps.Count, account.NetApps.Count,
                    account.CloudProjects.Count, account.InstancesEver.Count(i => i.ExistsAt(now))),
                ConsumptionCurrent = current,
                IncurredPerMonth = incurred,
                IncurredPerResource = incurredPerResource,
                ConsumptionForecast = Money.Sum(ConsumptionView.Forecast(account, now).Select(e => e.Amount)),
                UnpaidWithTax = unpaid,
                CreditBalance = Money.Sum(account.CreditBalances.Select(b => b.Amount)),
                ResourceEvents = account.ResourceEvents.Where(e => e.Day <= ParisTime.DateOf(now)).ToList(),
                UsageBursts = account.UsageBursts.Where(b => b.Start <= now).ToList(),
                CloudLeftovers = CloudLeftoversTruth.Leftovers(account, now),
                HourlyInstances = CloudLeftoversTruth.HourlyInstances(account, now),
                BilledButNotThere = BilledButNotThereTruths.Compute(account, now),
                Unbilled = BilledButNotThereTruths.Unbilled(account),
                Renewals = account.Renewals.Where(r => r.Day <= ParisTime.DateOf(now)).ToList(),
            };
        }
    }

    /// <summary>Walks the period day by day: the month of each day receives the growth of the cumulative share.</summary>
    private static IEnumerable<(string Month, Money Share)> Incur(SimBillLine line, string billMonth)
    {
        if (line.PeriodStart is not { } start || line.PeriodEnd is not { } end)
        {
            yield return (billMonth, line.TotalPrice);
            yield break;
        }

        var days = end.DayNumber - start.DayNumber + 1;
        long before = 0;
        for (var i = 0; i < days; i++)
        {
            var upTo = (long)((Int128)line.TotalPrice.Ucents * (i + 1) / days);
            yield return (start.AddDays(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), new Money(upTo - before));
            before = upTo;
        }
    }

    private static void Add(SortedDictionary<string, SortedDictionary<string, Money>> map, string key, string month, Money amount)
    {
        if (!map.TryGetValue(key, out var perMonth))
        {
            perMonth = new SortedDictionary<string, Money>(StringComparer.Ordinal);
            map[key] = perMonth;
        }

        perMonth[month] = perMonth.GetValueOrDefault(month) + amount;
    }
}

public sealed record MonthTruth(int Bills, int Lines, Money WithoutTax, Money Tax, Money WithTax);

public sealed record BillTruth(string Month, DateTimeOffset Date, int Lines, Money WithoutTax, Money Tax, Money WithTax, bool Paid);

public sealed record TruthCounts(int Bills, int Lines, int DedicatedServers, int Vps, int NetApps, int CloudProjects, int Instances);

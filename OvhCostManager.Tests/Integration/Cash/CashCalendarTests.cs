using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Cash;
using OvhCostManager.Core.Costs;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;
using SimMonth = OvhCostManager.Simulator.BillingMonth;

namespace OvhCostManager.Tests.Integration.Cash;

/// <summary>The twelve-month cash calendar of the imported account against the simulated services' own renewals and bills.</summary>
[Collection(ImportedAccountCollection.Name)]
public sealed class CashCalendarTests(ImportedAccountFixture account)
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    private CashCalendarQuery Query => account.Services.GetRequiredService<CashCalendarQuery>();

    private IReadOnlyList<SimRenewal> Truth => RenewalTruth.Between(account.Simulator.Account, Today, new DateOnly(2027, 10, 31));

    [Fact]
    public async Task The_calendar_covers_the_current_month_and_the_eleven_after_it()
    {
        var calendar = await Query.GetAsync();

        Assert.Equal(Today, calendar.Today);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => new SimMonth(2026, 11).AddMonths(i).ToString()), calendar.Months.Select(m => m.Month));
    }

    [Fact]
    public async Task Each_months_renewals_are_the_simulated_services_renewals_of_that_month()
    {
        var calendar = await Query.GetAsync();

        foreach (var month in calendar.Months)
        {
            var expected = Truth.Where(r => r.Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) == month.Month).ToList();
            Assert.Equal(
                expected.Where(r => r.Certain).Select(r => (r.ServiceName, r.Date, r.Amount)).Order(),
                month.Renewals.Select(r => (r.ServiceName, r.Date, r.Amount)).Order());
            Assert.Equal(
                expected.Where(r => !r.Certain).Select(r => (r.ServiceName, r.Date, r.Amount)).Order(),
                month.Uncertain.Select(r => (r.ServiceName, r.Date, r.Amount)).Order());
            Assert.Equal(Money.Sum(expected.Where(r => r.Certain).Select(r => r.Amount)), month.RenewalsTotal);
        }

        // The account must exercise what the test checks: monthly and yearly renewals, certain and manual ones.
        Assert.Contains(Truth, r => r.Manual);
        var ending = Assert.Single(Truth, r => r.Terminating);
        Assert.Contains(calendar.Months.SelectMany(m => m.Uncertain), r => r.ServiceName == ending.ServiceName && r.Date == ending.Date && r.Terminating);
        Assert.True(Truth.Count(r => r.Certain) > 12, "too few renewals for a month-by-month comparison");
        Assert.Contains(calendar.Months.SelectMany(m => m.Renewals), r => r.PeriodMonths == 12);
    }

    [Fact]
    public async Task A_yearly_domain_renews_once_in_the_twelve_months_at_its_renewal_lines_price()
    {
        var calendar = await Query.GetAsync();
        var domain = account.Simulator.Account.OtherServices.First(s => s.ProductName == "domain" && s.Terms.Status == "ok");

        var renewals = calendar.Months.SelectMany(m => m.Renewals.Concat(m.Uncertain)).Where(r => r.ServiceName == domain.Name).ToList();

        var renewal = Assert.Single(renewals);
        Assert.Equal(domain.Terms.Expiration, renewal.Date);
        Assert.Equal(Money.FromDecimal(domain.Name.EndsWith(".fr", StringComparison.Ordinal) ? 8.99m : 13.99m), renewal.Amount);
    }

    [Fact]
    public async Task Consumption_is_ovhs_forecast_this_month_then_the_median_of_the_last_three_billed_months()
    {
        var calendar = await Query.GetAsync();

        var sim = account.Simulator.Account;
        var billed = new[] { new SimMonth(2026, 10), new SimMonth(2026, 9), new SimMonth(2026, 8) }
            .Select(consumed => Money.Sum(sim.VisibleBills(ImportedAccountFixture.Now).Single(b => b.IsConsumptionBill && b.Month == consumed.Next).Lines
                .Where(l => l.PeriodStart == consumed.FirstDay && l.PeriodEnd == consumed.LastDay).Select(l => l.TotalPrice)))
            .OrderBy(m => m).ToList();
        Assert.Equal(account.GroundTruth.ConsumptionForecast, calendar.Months[0].ExpectedConsumption);
        Assert.Equal(ConsumptionBasis.OvhForecast, calendar.Months[0].ConsumptionBasis);
        Assert.Equal(["2026-10", "2026-09", "2026-08"], calendar.MedianOf);
        foreach (var month in calendar.Months.Skip(1))
        {
            Assert.Equal(billed[1], month.ExpectedConsumption);
            Assert.Equal(ConsumptionBasis.BilledMedian, month.ConsumptionBasis);
        }
    }

    [Fact]
    public async Task Totals_add_the_certain_renewals_and_the_consumption_and_apply_the_bills_own_tax_rate()
    {
        var calendar = await Query.GetAsync();

        var months = new[] { "2026-08", "2026-09", "2026-10" }.Select(m => account.GroundTruth.Months[m]).ToList();
        var rate = decimal.Round(Money.Sum(months.Select(m => m.WithTax)).Amount / Money.Sum(months.Select(m => m.WithoutTax)).Amount - 1, 4);
        Assert.Equal(rate, calendar.TaxRate);
        Assert.InRange(rate, 0.199m, 0.201m);
        foreach (var month in calendar.Months)
        {
            var without = Money.Sum(month.Renewals.Select(r => r.Amount)) + month.ExpectedConsumption;
            Assert.Equal(without, month.TotalWithoutTax);
            Assert.Equal(Money.FromDecimal(decimal.Round(without.Amount * (1 + rate), 2, MidpointRounding.AwayFromZero)), month.TotalWithTax);
        }
    }

    [Fact]
    public async Task Commitments_that_end_are_listed_in_their_month()
    {
        var calendar = await Query.GetAsync();

        var expected = InventoryServices().Where(s => s.Terms.EngagedUpTo is { } end && end >= Today && end <= new DateOnly(2027, 10, 31))
            .Select(s => (s.Name, s.Terms.EngagedUpTo!.Value)).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, calendar.Months.SelectMany(m => m.CommitmentsEnding.Select(c =>
        {
            Assert.Equal(m.Month, c.EndsOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
            return (c.ServiceName, c.EndsOn);
        })).Order());
    }

    [Fact]
    public async Task The_next_30_days_count_the_certain_renewals_up_to_today_plus_30()
    {
        var upcoming = await Query.UpcomingAsync(30);

        var expected = Truth.Where(r => r.Certain && r.Date <= Today.AddDays(30)).ToList();
        Assert.Equal(expected.Count, upcoming.Count);
        Assert.Equal(Money.Sum(expected.Select(r => r.Amount)), upcoming.Total);
        Assert.True(upcoming.Count > 0);
    }

    private IEnumerable<(string Name, ServiceTerms Terms)> InventoryServices()
    {
        var sim = account.Simulator.Account;
        return sim.DedicatedServers.Select(s => (s.Name, s.Terms)).Concat(sim.Vps.Select(v => (v.Name, v.Terms)))
            .Concat(sim.NetApps.Select(n => (n.Id, n.Terms))).Concat(sim.CloudProjects.Select(p => (p.Id, p.Terms)))
            .Concat(sim.OtherServices.Select(o => (o.Name, o.Terms)));
    }
}

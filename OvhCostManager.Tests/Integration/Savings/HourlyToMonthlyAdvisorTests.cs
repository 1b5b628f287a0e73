using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Savings;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Savings;

[Collection(ImportedAccountCollection.Name)]
public sealed class HourlyToMonthlyAdvisorTests(ImportedAccountFixture account)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private Task<HourlyToMonthlyAdvice> AdviceAsync() => account.Services.GetRequiredService<HourlyToMonthlyAdvisor>().GetAsync();

    [Fact]
    public async Task Every_hourly_instance_is_advised_and_no_monthly_one()
    {
        var advice = await AdviceAsync();

        Assert.Equal("2026-11", advice.CurrentMonth);
        Assert.Equal("2026-10", advice.PreviousMonth);
        Assert.Equal(account.GroundTruth.HourlyInstances.Select(i => i.InstanceId).Order(), advice.Instances.Select(i => i.InstanceId).Order());
        Assert.Equal(0, advice.Unpriced);
    }

    [Fact]
    public async Task The_saving_per_instance_is_the_ground_truths_hourly_cost_minus_the_monthly_price()
    {
        var advice = (await AdviceAsync()).Instances.ToDictionary(i => i.InstanceId);
        // Basis: October (all of it billed by the hour) for instances older than it, else November's hours so far plus the
        // hours left until 1 December 00:00 Paris.
        var octoberStart = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(2));
        var hoursLeft = (decimal)(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(1)) - ImportedAccountFixture.Now).TotalHours;
        Assert.Equal(302m, hoursLeft);
        var created = account.Simulator.Account.Instances.ToDictionary(i => i.Id, i => i.Created);

        foreach (var truth in account.GroundTruth.HourlyInstances)
        {
            var row = advice[truth.InstanceId];
            var wholeOctober = created[truth.InstanceId] <= octoberStart && truth.PreviousMonthHours > 0;
            var hours = wholeOctober ? truth.PreviousMonthHours : truth.CurrentMonthHours + hoursLeft;
            var cost = wholeOctober ? truth.PreviousMonthAmount : Money.FromDecimal(truth.HourlyPrice.Amount * hours);

            Assert.Equal(truth.Flavor, row.Flavor);
            Assert.Equal(truth.HourlyPrice, row.HourlyPrice);
            Assert.Equal(truth.MonthlyPrice, row.MonthlyPrice);
            Assert.Equal(truth.MonthlyPrice.Amount / truth.HourlyPrice.Amount, row.BreakEvenHours!.Value, 10);
            Assert.Equal(wholeOctober ? AdviceBasis.PreviousMonth : AdviceBasis.CurrentMonthProjected, row.Basis);
            Assert.Equal(hours, row.BasisHours);
            Assert.Equal(cost - truth.MonthlyPrice, row.Saving);
        }
    }

    [Fact]
    public async Task Instances_are_sorted_by_saving_and_the_total_adds_the_savings_only()
    {
        var advice = await AdviceAsync();
        var savings = advice.Instances.Select(i => i.Saving!.Value).ToList();

        Assert.Equal(savings.OrderByDescending(s => s.Ucents), savings);
        Assert.Contains(savings, s => s > Money.Zero);
        Assert.Contains(savings, s => s < Money.Zero);
        Assert.Equal(Money.Sum(savings.Where(s => s > Money.Zero)), advice.PossibleSaving);
    }
}

using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Savings;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Savings;

[Collection(ImportedAccountCollection.Name)]
public sealed class HourlyToMonthlyAdvisorTests(ImportedAccountFixture account)
{
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
    public async Task The_saving_per_instance_is_the_ground_truths_hourly_cost_of_october_minus_the_monthly_price()
    {
        var expected = ExpectedAdvice.For(account.GroundTruth, account.Simulator.Account);

        // Every hourly instance of this account is older than October: all are advised on October as billed.
        Assert.All(expected, e => Assert.Equal(AdviceBasis.PreviousMonth, e.Basis));
        ExpectedAdvice.AssertMatches(expected, (await AdviceAsync()).Instances);
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

using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Savings;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Integration.Savings;

/// <summary>
/// The advice expected at the ground truth's now, written from it: last month (billed by the hour, all of it) for instances
/// older than it, else this month's hours so far plus the hours left until the next 1st 00:00 Paris at the flavour's hourly
/// price; saving = that cost − the monthly price.
/// </summary>
public static class ExpectedAdvice
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public sealed record Instance(HourlyInstanceTruth Truth, AdviceBasis Basis, decimal Hours, Money Cost)
    {
        public Money Saving => Cost - Truth.MonthlyPrice;
    }

    /// <summary>Midnight (Paris) of the 1st of the month <paramref name="months"/> after the one of <paramref name="now"/>.</summary>
    public static DateTimeOffset MonthStart(DateTimeOffset now, int months)
    {
        var local = TimeZoneInfo.ConvertTime(now, Paris);
        var first = new DateTime(local.Year, local.Month, 1).AddMonths(months);
        return new DateTimeOffset(first, Paris.GetUtcOffset(first));
    }

    public static decimal HoursLeft(DateTimeOffset now) => (decimal)(MonthStart(now, 1) - now).TotalHours;

    public static IReadOnlyList<Instance> For(GroundTruth truth, SimulatedAccount account)
    {
        var created = account.Instances.ToDictionary(i => i.Id, i => i.Created);
        var previousStart = MonthStart(truth.Now, -1);
        var left = HoursLeft(truth.Now);
        return truth.HourlyInstances.Select(i => created[i.InstanceId] <= previousStart && i.PreviousMonthHours > 0
            ? new Instance(i, AdviceBasis.PreviousMonth, i.PreviousMonthHours, i.PreviousMonthAmount)
            : new Instance(i, AdviceBasis.CurrentMonthProjected, i.CurrentMonthHours + left, Money.FromDecimal(i.HourlyPrice.Amount * (i.CurrentMonthHours + left))))
            .ToList();
    }

    /// <summary>The month's possible saving: the positive savings plus every leftover's monthly price.</summary>
    public static Money PossibleSaving(GroundTruth truth, SimulatedAccount account) =>
        Money.Sum(For(truth, account).Select(i => i.Saving).Where(s => s > Money.Zero)) + Money.Sum(truth.CloudLeftovers.Select(l => l.MonthlyPrice));

    /// <summary>Each advised instance has the expected basis, hours, prices, break-even, cost and saving.</summary>
    public static void AssertMatches(IReadOnlyList<Instance> expected, IReadOnlyList<InstanceAdvice> advice)
    {
        var rows = advice.ToDictionary(i => i.InstanceId);
        Assert.Equal(expected.Select(e => e.Truth.InstanceId).Order(), rows.Keys.Order());
        foreach (var (truth, basis, hours, cost) in expected)
        {
            var row = rows[truth.InstanceId];
            Assert.Equal(truth.Flavor, row.Flavor);
            Assert.Equal(truth.HourlyPrice, row.HourlyPrice);
            Assert.Equal(truth.MonthlyPrice, row.MonthlyPrice);
            Assert.Equal(truth.MonthlyPrice.Amount / truth.HourlyPrice.Amount, row.BreakEvenHours!.Value, 10);
            Assert.Equal(basis, row.Basis);
            Assert.Equal(hours, row.BasisHours);
            Assert.Equal(cost, row.HourlyCost);
            Assert.Equal(cost - truth.MonthlyPrice, row.Saving);
        }
    }
}

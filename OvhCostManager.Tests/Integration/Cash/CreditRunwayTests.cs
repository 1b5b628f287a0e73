using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Cash;
using OvhCostManager.Core.Costs;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Cash;

/// <summary>The credit runway of the imported account against the simulated balances' own movements.</summary>
[Collection(ImportedAccountCollection.Name)]
public sealed class CreditRunwayTests(ImportedAccountFixture account)
{
    private static readonly DateOnly Today = new(2026, 11, 18);
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private CreditRunwayQuery Query => account.Services.GetRequiredService<CreditRunwayQuery>();

    [Fact]
    public async Task Each_balance_runs_out_or_expires_unused_at_the_burn_of_its_last_30_days()
    {
        var runway = await Query.GetAsync();

        var now = ImportedAccountFixture.Now;
        Assert.Equal(30, runway.WindowDays);
        Assert.Equal(account.Simulator.Account.CreditBalances.Select(b => b.BalanceName).Order(), runway.Balances.Select(b => b.Name).Order());
        foreach (var balance in account.Simulator.Account.CreditBalances)
        {
            var row = runway.Balances.Single(r => r.Name == balance.BalanceName);
            var burned = -Money.Sum(balance.Movements.Where(m => m.Amount < Money.Zero && m.CreationDate > now.AddDays(-30)).Select(m => m.Amount));
            var perDay = burned.Ucents / 30;
            var remaining = balance.Amount.Ucents;
            DateOnly? expiry = balance.Movements.Where(m => m.ExpirationDate is not null)
                .Select(m => (DateOnly?)DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.ExpirationDate!.Value, Paris).DateTime)).Min();
            DateOnly? runsOut = perDay > 0 ? Today.AddDays((int)Math.Ceiling(remaining / (decimal)perDay)) : null;
            if (expiry is { } e && (runsOut is null || runsOut > e))
            {
                Assert.Null(row.RunsOutOn);
                Assert.Equal(new Money(Math.Max(0, remaining - perDay * (e.DayNumber - Today.DayNumber))), row.ExpiringUnused);
            }
            else
            {
                Assert.Equal(runsOut, row.RunsOutOn);
                Assert.Equal(Money.Zero, row.ExpiringUnused);
            }

            Assert.Equal(balance.Amount, row.Remaining);
            Assert.Equal(expiry, row.ExpiresOn);
            Assert.Equal(burned, row.BurnedInWindow);
        }

        // The simulated account burns its voucher and its prepaid account in the window: the figures are not all zero.
        Assert.Contains(runway.Balances, r => r.RunsOutOn is not null);
        Assert.Contains(runway.Balances, r => r.Type == "VOUCHER" && r.BurnedInWindow > Money.Zero);
    }

    [Fact]
    public async Task Unpaid_bills_and_the_debt_are_the_simulators_unpaid_bills()
    {
        var runway = await Query.GetAsync();

        var unpaid = account.GroundTruth.Bills.Where(b => !b.Value.Paid).ToList();
        Assert.NotEmpty(unpaid);
        Assert.Equal(unpaid.Select(b => b.Key).Order(StringComparer.Ordinal), runway.UnpaidBills.Select(b => b.Id).Order(StringComparer.Ordinal));
        foreach (var bill in runway.UnpaidBills)
        {
            var truth = account.GroundTruth.Bills[bill.Id];
            Assert.Equal(truth.WithTax, bill.PriceWithTax);
            Assert.Equal(Today.DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(truth.Date, Paris).DateTime).DayNumber, bill.AgeDays);
            var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(account.Simulator.Account.FindBill(bill.Id)!.DueDate, Paris).DateTime);
            Assert.Equal(due, bill.DueOn);
            Assert.Equal(due.DayNumber - Today.DayNumber, bill.DaysToDue);
            Assert.Equal(due.DayNumber - Today.DayNumber <= 7, bill.DueSoon);
        }

        Assert.Equal(7, runway.DueWarningDays);
        Assert.Contains(runway.UnpaidBills, b => b.DueSoon);
        Assert.Contains(runway.UnpaidBills, b => !b.DueSoon);

        Assert.Equal(account.GroundTruth.UnpaidWithTax, runway.Debt);
    }
}

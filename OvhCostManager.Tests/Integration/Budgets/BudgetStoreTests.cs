using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OvhCostManager.Core.Budgets;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Tests.Integration.Data;

namespace OvhCostManager.Tests.Integration.Budgets;

public sealed class BudgetStoreTests
{
    [Fact]
    public async Task A_budget_change_takes_effect_from_its_month_and_earlier_months_keep_the_budget_then_in_force()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<BudgetStore>();
        await store.SaveAsync(BudgetScope.Account, "2026-09", Money.FromDecimal(1000m), [50, 80, 100], "alice");
        await store.SaveAsync(BudgetScope.Account, "2026-11", Money.FromDecimal(1500m), [90], "bob");
        await store.SaveAsync(BudgetScope.Family(CostFamily.Storage), "2026-10", Money.FromDecimal(200m), [100], null);
        await store.SaveAsync(BudgetScope.Family(CostFamily.Storage), "2026-12", null, [100], null);

        Assert.Empty(await store.InForceAsync("2026-08"));
        var september = Assert.Single(await store.InForceAsync("2026-09"));
        Assert.Equal(Money.FromDecimal(1000m), september.Amount);
        Assert.Equal([50, 80, 100], september.Thresholds);
        var october = await store.InForceAsync("2026-10");
        Assert.Equal([Money.FromDecimal(1000m), Money.FromDecimal(200m)], october.Select(b => b.Amount));
        var november = await store.InForceAsync("2026-11");
        Assert.Equal([Money.FromDecimal(1500m), Money.FromDecimal(200m)], november.Select(b => b.Amount));
        Assert.Equal([90], november[0].Thresholds);
        var december = Assert.Single(await store.InForceAsync("2026-12"));
        Assert.Equal(BudgetScope.Account, december.Scope);

        var history = await store.HistoryAsync();
        Assert.Equal(4, history.Count);
        Assert.Null(history[0].Amount);
        Assert.Equal("alice", history[^1].SavedBy);
    }

    [Fact]
    public async Task A_second_change_for_the_same_month_replaces_the_first_and_both_stay_in_the_history()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<BudgetStore>();
        await store.SaveAsync(new BudgetScope(BudgetScopeKind.Project, "p-1"), "2026-11", Money.FromDecimal(10m), [100], null);
        await store.SaveAsync(new BudgetScope(BudgetScopeKind.Project, "p-1"), "2026-11", Money.FromDecimal(20m), [100], null);

        Assert.Equal(Money.FromDecimal(20m), Assert.Single(await store.InForceAsync("2026-11")).Amount);
        Assert.Equal(2, (await store.HistoryAsync()).Count);
    }

    [Fact]
    public async Task Bad_budgets_are_refused_and_nothing_is_saved()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<BudgetStore>();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.SaveAsync(BudgetScope.Account, "2026-11", Money.FromDecimal(-1m), [100], null));
        var month = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(BudgetScope.Account, "2026-13", Money.FromDecimal(1m), [100], null));
        var family = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(new BudgetScope(BudgetScopeKind.Family, "Gpu"), "2026-11", Money.FromDecimal(1m), [100], null));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(new BudgetScope(BudgetScopeKind.Service, " "), "2026-11", Money.FromDecimal(1m), [100], null));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(BudgetScope.Account, "2026-11", Money.FromDecimal(1m), [], null));

        Assert.Contains("2026-13", month.Message);
        Assert.Contains("Gpu", family.Message);
        Assert.Empty(await store.HistoryAsync());
    }

    [Fact]
    public async Task The_migration_carries_the_account_budget_over_to_every_month()
    {
        await using var db = await StoreDatabase.CreateAsync(migrate: false);
        await using (var context = await db.ContextAsync())
        {
            await context.GetService<IMigrator>().MigrateAsync("20261203165319_SessionsAndRunOutcome");
            await context.Database.ExecuteSqlAsync($"UPDATE account_settings SET MonthlyBudget = {Money.FromDecimal(4321.5m).Ucents} WHERE Id = 1;");
        }

        await db.Get<DatabaseMigrator>().MigrateAsync();

        var store = db.Get<BudgetStore>();
        foreach (var month in new[] { "2020-01", "2026-11", "2030-06" })
        {
            var budget = Assert.Single(await store.InForceAsync(month));
            Assert.Equal(BudgetScope.Account, budget.Scope);
            Assert.Equal(Money.FromDecimal(4321.5m), budget.Amount);
            Assert.Equal([50, 80, 100], budget.Thresholds);
        }
    }
}

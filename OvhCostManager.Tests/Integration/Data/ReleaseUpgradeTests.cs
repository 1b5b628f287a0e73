using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Overview;

namespace OvhCostManager.Tests.Integration.Data;

/// <summary>
/// An existing user's database upgrades: <c>Fixtures/db/v0.1.0-demo.db</c> was written by release 0.1.0 (net9.0,
/// EF Core 6.0.7 migrations) importing the demo account at 2026-11-18T09:00Z. Each test works on a copy.
/// </summary>
public sealed class ReleaseUpgradeTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "db", "v0.1.0-demo.db");

    [Fact]
    public async Task The_first_release_database_migrates_and_shows_the_same_bills_lines_and_totals()
    {
        await using var db = await StoreDatabase.CreateAsync(migrate: false);
        File.Copy(Fixture, db.DatabasePath);
        var before = await ReadAsync(db.DatabasePath);
        // What release 0.1.0 stored, read from the file when it was committed (sqlite3).
        Assert.Equal(93, before.Bills.Count);
        Assert.Equal(1316, before.Lines);
        Assert.Equal(new Money(20_228_146_000_000), before.LinesTotal);
        Assert.Equal(["20261121094701_Initial", "20261121100250_Store", "20261121112436_CoveringMonthlySumsIndex"], before.Migrations);

        await db.Get<DatabaseMigrator>().MigrateAsync();

        var after = await ReadAsync(db.DatabasePath);
        Assert.Equal(before.Bills, after.Bills);
        Assert.Equal(before.Lines, after.Lines);
        Assert.Equal(before.LinesTotal, after.LinesTotal);
        await using (var context = await db.ContextAsync())
        {
            Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        }

        // The dashboard's own queries over the migrated file give each month's figures of the bills stored.
        var overview = db.Get<OverviewQueries>();
        var months = await overview.GetBilledMonthsAsync();
        Assert.Equal(before.Bills.Select(b => b.Month).Distinct().Order(StringComparer.Ordinal), months.Order(StringComparer.Ordinal));
        foreach (var month in months)
        {
            var report = await overview.GetAsync(month);
            Assert.Equal(before.Bills.Count(b => b.Month == month), report.Bills);
            Assert.Equal(before.LinesPerMonth[month], report.Lines);
            Assert.Equal(before.TotalPerMonth[month], report.Total);
        }
    }

    [Fact]
    public async Task The_first_release_database_migrates_only_once()
    {
        await using var db = await StoreDatabase.CreateAsync(migrate: false);
        File.Copy(Fixture, db.DatabasePath);
        await db.Get<DatabaseMigrator>().MigrateAsync();
        var once = await ReadAsync(db.DatabasePath);

        await db.Get<DatabaseMigrator>().MigrateAsync();

        var twice = await ReadAsync(db.DatabasePath);
        Assert.Equal(once.Bills, twice.Bills);
        Assert.Equal(once.Migrations, twice.Migrations);
    }

    private sealed record StoredBill(string Id, string Month, long WithoutTax, long Tax, long WithTax, long DateTicks, int LineCount);

    private sealed record Stored(
        IReadOnlyList<StoredBill> Bills, int Lines, Money LinesTotal, IReadOnlyDictionary<string, int> LinesPerMonth,
        IReadOnlyDictionary<string, Money> TotalPerMonth, IReadOnlyList<string> Migrations);

    /// <summary>The file as SQL sees it, without the application's model.</summary>
    private static async Task<Stored> ReadAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var bills = new List<StoredBill>();
        await using (var reader = await Command(connection, "SELECT Id, BillingMonth, PriceWithoutTax, Tax, PriceWithTax, DateUtc, LineCount FROM bills ORDER BY Id").ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                bills.Add(new StoredBill(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt32(6)));
            }
        }

        var linesPerMonth = new Dictionary<string, int>(StringComparer.Ordinal);
        var totalPerMonth = new Dictionary<string, Money>(StringComparer.Ordinal);
        await using (var reader = await Command(connection, "SELECT BillingMonth, COUNT(*), SUM(CAST(Total AS INTEGER)) FROM bill_lines GROUP BY BillingMonth").ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                linesPerMonth[reader.GetString(0)] = reader.GetInt32(1);
                totalPerMonth[reader.GetString(0)] = new Money(reader.GetInt64(2));
            }
        }

        var migrations = new List<string>();
        await using (var reader = await Command(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId").ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                migrations.Add(reader.GetString(0));
            }
        }

        return new Stored(bills, linesPerMonth.Values.Sum(), Money.Sum(totalPerMonth.Values), linesPerMonth, totalPerMonth, migrations);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}

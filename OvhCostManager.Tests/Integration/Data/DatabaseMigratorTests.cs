using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Data;

public sealed class DatabaseMigratorTests
{
    private static readonly string[] ExpectedTables =
    [
        "sync_runs", "bills", "bill_lines", "cloud_projects", "consumption_snapshots", "consumption_snapshot_items",
        "consumption_history", "account_balance_snapshots", "credit_balances", "credit_movements", "dedicated_servers",
        "vps", "netapp_storages", "cloud_instances", "cloud_quotas", "cloud_project_usage", "service_renewals",
        "account_settings",
    ];

    [Fact]
    public async Task Migrations_apply_to_an_empty_file_and_create_every_table()
    {
        await using var db = await StoreDatabase.CreateAsync();
        await using var context = await db.ContextAsync();

        var tables = await ReadTablesAsync(db.ConnectionString);
        var modelTables = context.Model.GetEntityTypes().Select(e => e.GetTableName()!).ToList();

        Assert.Empty(ExpectedTables.Except(tables));
        Assert.Empty(modelTables.Except(tables));
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        var settings = await db.Get<AccountSettingsStore>().GetAsync();
        Assert.Equal("Europe/Paris", settings.TimeZoneId);
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using var db = await StoreDatabase.CreateAsync();
        await db.Get<SyncRunStore>().StartAsync(SyncRunKind.Full, SyncTrigger.Manual);
        var before = await ReadSchemaAndRowsAsync(db);

        await db.Get<DatabaseMigrator>().MigrateAsync();

        Assert.Equal(before, await ReadSchemaAndRowsAsync(db));
        Assert.Contains("Kind=Full;", before["sync_runs"]);
        Assert.Contains("TimeZoneId=Europe/Paris;", before["account_settings"]);
        await using var context = await db.ContextAsync();
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task A_database_of_the_first_release_upgrades_and_keeps_its_sync_runs()
    {
        await using var db = await StoreDatabase.CreateAsync(migrate: false);
        await using (var context = await db.ContextAsync())
        {
            var initial = context.Database.GetMigrations().First();
            await context.GetService<IMigrator>().MigrateAsync(initial);
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO sync_runs (Kind, Status, StartedAtUtc, BillsImported, LinesImported, RequestsMade, Retries) VALUES ('Full', 'Success', 1, 4, 40, 50, 0);");
        }

        await db.Get<DatabaseMigrator>().MigrateAsync();

        var run = Assert.Single(await db.Get<SyncRunStore>().GetRecentAsync(5));
        Assert.Equal(SyncTrigger.Schedule, run.Trigger);
        Assert.Equal(40, run.LinesImported);
    }

    [Fact]
    public async Task A_database_written_by_a_newer_version_is_refused()
    {
        await using var db = await StoreDatabase.CreateAsync();
        await using (var context = await db.ContextAsync())
        {
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (MigrationId, ProductVersion) VALUES ('29990101000000_FromTheFuture', '6.0.7');");
        }

        var error = await Assert.ThrowsAsync<DatabaseTooNewException>(() => db.Get<DatabaseMigrator>().MigrateAsync());
        Assert.Contains("29990101000000_FromTheFuture", error.Message);
    }

    [Fact]
    public async Task The_database_file_is_in_WAL_mode()
    {
        await using var db = await StoreDatabase.CreateAsync();

        await using var connection = new SqliteConnection($"Data Source={db.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_reader_reads_while_a_writer_transaction_is_open()
    {
        await using var db = await StoreDatabase.CreateAsync();
        await db.Get<SyncRunStore>().StartAsync(SyncRunKind.Full, SyncTrigger.Manual);

        await using var writer = await db.ContextAsync();
        await using var transaction = await writer.Database.BeginTransactionAsync();
        writer.SyncRuns.Add(new SyncRun { Kind = SyncRunKind.Inventory, StartedAtUtc = DateTimeOffset.UnixEpoch });
        await writer.SaveChangesAsync();

        // Without WAL the reader would wait for the writer up to the busy timeout (10 s) and miss this deadline.
        var seen = await Task.Run(async () =>
        {
            await using var reader = await db.ContextAsync();
            return await reader.SyncRuns.CountAsync();
        }).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, seen);
        await transaction.CommitAsync();
        await using var after = await db.ContextAsync();
        Assert.Equal(2, await after.SyncRuns.CountAsync());
    }

    /// <summary>Every table's definition (sqlite_master, indexes included) and every row, migration history included.</summary>
    private static async Task<Dictionary<string, string>> ReadSchemaAndRowsAsync(StoreDatabase db) =>
        await StoreDump.ReadAsync(db.Get<IDbContextFactory<CostDbContext>>(), ["sqlite_master", .. await ReadTablesAsync(db.ConnectionString)]);

    private static async Task<List<string>> ReadTablesAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace OvhCostManager.Core.Data;

/// <summary>Thrown when the database file was written by a newer version of the application.</summary>
public sealed class DatabaseTooNewException(string path, IReadOnlyList<string> unknown)
    : Exception($"The database '{path}' was written by a newer version of OVH Cost Manager (unknown migrations: {string.Join(", ", unknown)}). Upgrade the application or point Data:Directory at another folder.");

/// <summary>Applies committed migrations at start-up, in WAL mode, before anything reads or syncs.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<CostDbContext> contextFactory, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var path = new SqliteConnectionStringBuilder(context.Database.GetConnectionString()).DataSource;

        var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseTooNewException(path, unknown);
        }

        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to {Path}", pending.Count, path);
            await context.Database.MigrateAsync(cancellationToken);
        }

        // WAL lets the dashboard read while a sync writes; it is a property of the file, set once.
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}

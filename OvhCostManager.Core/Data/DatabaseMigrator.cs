using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace OvhCostManager.Core.Data;

/// <summary>Thrown when the database file was written by a newer version of the application.</summary>
public sealed class DatabaseTooNewException(string path, IReadOnlyList<string> unknown)
    : Exception($"The database '{path}' was written by a newer version of OVH Cost Manager (unknown migrations: {string.Join(", ", unknown)}). Upgrade the application or point Data:Directory at another folder.");

/// <summary>Thrown when the database file is not a SQLite database, or is damaged.</summary>
public sealed class DatabaseUnreadableException(string path, Exception inner)
    : Exception($"'{path}' is not a readable SQLite database ({inner.Message}). Restore it from a backup, or move it away and the app will import the account again.", inner);

/// <summary>Applies committed migrations at start-up, in WAL mode, before anything reads or syncs.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<CostDbContext> contextFactory, ILogger<DatabaseMigrator> logger)
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var path = new SqliteConnectionStringBuilder(context.Database.GetConnectionString()).DataSource;
        if (!HasSqliteHeader(path))
        {
            throw new DatabaseUnreadableException(path, new InvalidDataException("the file does not start with the SQLite header"));
        }

        try
        {
            await MigrateAsync(context, path, cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            throw new DatabaseUnreadableException(path, e);
        }
    }

    /// <summary>A missing or empty file is a new database; anything else must start as SQLite files do.</summary>
    private static bool HasSqliteHeader(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return true;
        }

        Span<byte> header = stackalloc byte[16];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
            && header.SequenceEqual("SQLite format 3\0"u8);
    }

    private async Task MigrateAsync(CostDbContext context, string path, CancellationToken cancellationToken)
    {
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

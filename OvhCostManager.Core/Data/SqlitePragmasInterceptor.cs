using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OvhCostManager.Core.Data;

/// <summary>
/// Every connection waits for a writer instead of failing with SQLITE_BUSY, and knows <see cref="TextFunctions.Fold"/>
/// (SQLite's own lower() folds ASCII letters only).
/// </summary>
internal sealed class SqlitePragmasInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        TextFunctions.Register(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TextFunctions.Register(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

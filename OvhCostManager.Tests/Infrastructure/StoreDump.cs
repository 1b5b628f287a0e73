using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// The imported content of a store as text, table by table, rows sorted, without the columns that only say when a
/// row was written: two stores with equal dumps hold the same data.
/// </summary>
public static class StoreDump
{
    /// <summary>Tables whose content is a copy of OVH's (readings that accumulate per run are left out).</summary>
    public static readonly string[] ImportedTables =
    [
        "bills", "bill_lines", "dedicated_servers", "vps", "netapp_storages", "cloud_projects", "cloud_instances", "cloud_quotas",
        "cloud_project_usage", "service_renewals", "credit_balances", "credit_movements", "consumption_history", "account_settings",
    ];

    private static readonly HashSet<string> WriteTimes = new(StringComparer.OrdinalIgnoreCase)
    {
        "ImportedAtUtc", "UpdatedAtUtc", "LastSeenAtUtc", "TakenAtUtc", "Id:cloud_project_usage", "Id:consumption_history",
    };

    public static async Task<Dictionary<string, string>> ReadAsync(IDbContextFactory<CostDbContext> contexts, IEnumerable<string>? tables = null)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var dump = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables ?? ImportedTables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            var keep = Enumerable.Range(0, reader.FieldCount)
                .Where(i => !WriteTimes.Contains(reader.GetName(i)) && !WriteTimes.Contains(reader.GetName(i) + ":" + table))
                .ToList();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(Row(reader, keep));
            }

            rows.Sort(StringComparer.Ordinal);
            dump[table] = string.Join('\n', rows);
        }

        return dump;
    }

    /// <summary>Number of rows of a table.</summary>
    public static async Task<long> CountAsync(IDbContextFactory<CostDbContext> contexts, string table)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string Row(DbDataReader reader, List<int> columns)
    {
        var text = new StringBuilder();
        foreach (var i in columns)
        {
            text.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append(';');
        }

        return text.ToString();
    }
}

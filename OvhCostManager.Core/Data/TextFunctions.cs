using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OvhCostManager.Core.Data;

/// <summary>Text functions SQL queries call, registered on each SQLite connection.</summary>
public static class TextFunctions
{
    public const string FoldName = "ocm_fold";

    /// <summary>
    /// Lower case in every script ("Équipe" → "équipe"), for case-insensitive searches; mapped to
    /// <see cref="FoldName"/> in SQL (see <c>CostDbContext</c>), run in .NET when called outside a query.
    /// </summary>
    public static string Fold(string text) => text.ToLower(CultureInfo.InvariantCulture);

    internal static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction<string?, string?>(FoldName, t => t is null ? null : Fold(t), isDeterministic: true);
        }
    }
}

using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Account;
using OvhCostManager.Core.BillLines;
using OvhCostManager.Core.Compare;
using OvhCostManager.Core.Inventory;
using OvhCostManager.Core.Expiring;
using OvhCostManager.Core.Overview;
using OvhCostManager.Core.PayAsYouGo;
using OvhCostManager.Core.Trends;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Hosting;

/// <summary>
/// Every table of every tab, read from the real store under a French and an English reader, then sorted by each of
/// its columns as a grid sorts it. EF Core 10 orders decimals in SQL with a collation that parses them with the
/// current culture and kills the process under fr-FR: this is where such a query would show up.
/// </summary>
[Collection(ImportedAccountCollection.Name)]
public sealed class TablesPerCultureTests(ImportedAccountFixture account)
{
    [Fact]
    public async Task Every_table_holds_the_same_rows_for_a_french_and_an_english_reader_and_sorts_by_each_column()
    {
        var english = await InCultureAsync("en", ReadTablesAsync);
        var french = await InCultureAsync("fr-FR", ReadTablesAsync);

        Assert.Equal(english.Keys, french.Keys);
        Assert.All(english.Keys, table => Assert.Equal(english[table].Select(Fingerprint), french[table].Select(Fingerprint)));
        Assert.All(english, table => Assert.True(table.Value.Count > 0, $"the {table.Key} table is empty: nothing was sorted"));
        foreach (var culture in new[] { "en", "fr-FR" })
        {
            await InCultureAsync(culture, () =>
            {
                foreach (var (table, rows) in french)
                {
                    AssertSortsByEveryColumn(table, rows);
                }

                return Task.FromResult(0);
            });
        }
    }

    private async Task<Dictionary<string, IReadOnlyList<object>>> ReadTablesAsync()
    {
        var services = account.Services;
        var overview = services.GetRequiredService<OverviewQueries>();
        var months = await overview.GetBilledMonthsAsync();
        var (latest, previous) = (months[0], months[1]);
        var report = await overview.GetAsync(latest);
        var compare = await services.GetRequiredService<CompareQueries>().GetAsync(previous, latest);
        var trends = await services.GetRequiredService<TrendQueries>().GetAsync(TrendWindow.Ending(latest, 12));
        var inventory = await services.GetRequiredService<InventoryQuery>().GetAsync(latest);
        var payg = await services.GetRequiredService<PayAsYouGoQuery>().GetAsync();
        var bills = await services.GetRequiredService<AccountQuery>().GetBillsAsync();
        var lines = await services.GetRequiredService<BillLineQueries>().GetAsync(new BillLineFilter([latest]));
        var expiring = await services.GetRequiredService<ExpiringServiceQueries>().GetAsync();

        return new Dictionary<string, IReadOnlyList<object>>
        {
            ["overview resource types"] = [.. report.ByResourceType],
            ["overview categories"] = [.. report.ByCategory],
            ["overview projects"] = [.. report.Projects],
            ["compare categories"] = [.. compare.ByCategory],
            ["compare projects"] = [.. compare.ByProject],
            ["compare resource types"] = [.. compare.ByResourceType],
            ["trend months"] = [.. trends.Totals],
            ["trend days"] = [.. trends.Daily],
            ["inventory dedicated servers"] = [.. inventory.DedicatedServers],
            ["inventory vps"] = [.. inventory.Vps],
            ["inventory cloud projects"] = [.. inventory.CloudProjects],
            ["pay-as-you-go services"] = [.. payg.Services],
            ["account bills"] = [.. bills],
            ["bill lines"] = [.. lines],
            ["expiring services"] = [.. expiring],
        };
    }

    /// <summary>Each column a grid can sort (a comparable value) orders the rows, keeping every one of them.</summary>
    private static void AssertSortsByEveryColumn(string table, IReadOnlyList<object> rows)
    {
        var columns = Columns(rows[0]);
        Assert.NotEmpty(columns);
        foreach (var column in columns)
        {
            var comparer = (IComparer)typeof(Comparer<>).MakeGenericType(column.PropertyType).GetProperty("Default")!.GetValue(null)!;
            var values = rows.Select(column.GetValue).Order(Comparer<object?>.Create(comparer.Compare)).ToList();
            Assert.Equal(rows.Count, values.Count);
            for (var i = 1; i < values.Count; i++)
            {
                Assert.True(comparer.Compare(values[i - 1], values[i]) <= 0, $"{table} sorted by {column.Name} is out of order at row {i}");
            }
        }
    }

    /// <summary>The row's sortable values written without any culture: the same figures read the same.</summary>
    private static string Fingerprint(object row) =>
        string.Join(" | ", Columns(row).Select(c => Convert.ToString(c.GetValue(row), CultureInfo.InvariantCulture)));

    private static List<PropertyInfo> Columns(object row) =>
        row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && Sortable(p.PropertyType)).ToList();

    private static bool Sortable(Type type)
    {
        var value = Nullable.GetUnderlyingType(type) ?? type;
        return typeof(IComparable).IsAssignableFrom(value) || typeof(IComparable<>).MakeGenericType(value).IsAssignableFrom(value);
    }

    private static async Task<T> InCultureAsync<T>(string name, Func<Task<T>> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return await read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}

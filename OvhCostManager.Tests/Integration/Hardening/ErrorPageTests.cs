using System.Net;
using Microsoft.Data.Sqlite;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Hardening;

public sealed class ErrorPageTests
{
    [Fact]
    public async Task A_database_failure_shows_the_error_page_without_sql_or_stack_trace()
    {
        using var data = new TempDirectory();
        await using var app = await PublishedApp.StartAsync(new Dictionary<string, string> { ["Data__Directory"] = data.Path });
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(data.Path, "ovh-costs.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE sync_runs";
            await drop.ExecuteNonQueryAsync();
        }

        using var client = app.CreateClient();
        using var response = await client.GetAsync("/export/sync-runs.csv");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("role=\"alert\"", body);
        Assert.DoesNotContain("sync_runs", body);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body);
        Assert.Contains("no such table: sync_runs", app.Output);
    }
}

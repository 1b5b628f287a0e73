using System.Text.Json;
using Microsoft.Data.Sqlite;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Hosting;

public sealed class DemoModeTests
{
    [Fact]
    public async Task Without_credentials_the_dashboard_syncs_the_built_in_simulated_account_at_startup_on_its_clock()
    {
        using var data = new TempDirectory();
        var simulatorPort = FreePort.Next();
        await using var app = await PublishedApp.StartAsync(new Dictionary<string, string>
        {
            ["Data__Directory"] = data.Path,
            ["Demo__SimulatorPort"] = simulatorPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo__Now"] = "2026-11-18T10:00:00+01:00",
        });

        var simulatorUrl = DemoSimulator.Url(simulatorPort).ToString().TrimEnd('/');
        Assert.Contains($"Demo mode: no OVH credentials configured, using the built-in simulated account at {simulatorUrl}/1.0", app.Output);
        for (var i = 0; i < 120 && !app.Output.Contains("Sync Differential (startup)", StringComparison.Ordinal); i++)
        {
            await Task.Delay(500);
        }

        Assert.Contains("Sync Differential (startup) Success", app.Output);
        using var http = await DemoSimulator.CreateClientAsync(app);
        using var truth = JsonDocument.Parse(await http.GetStringAsync($"{simulatorUrl}/_simulator/ground-truth"));
        var bills = truth.RootElement.GetProperty("counts").GetProperty("bills").GetInt32();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data.Path, "ovh-costs.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM bills";
        Assert.True(bills > 0);
        Assert.Equal(bills, Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        // The simulated account and the app read one clock, which stands still at Demo:Now.
        var demoNow = new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(demoNow, truth.RootElement.GetProperty("now").GetDateTimeOffset());
        using var health = JsonDocument.Parse(await http.GetStringAsync(new Uri(app.BaseUrl, "health")));
        Assert.Equal(demoNow, health.RootElement.GetProperty("lastSuccessfulSyncUtc").GetDateTimeOffset());
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;
using OvhCostManager.Core.Costs;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class CliProcessTests(CliFixture fixture)
{
    [Fact]
    public async Task Import_full_stores_the_ground_truth_and_prints_progress_and_a_summary()
    {
        var (exitCode, output) = fixture.ImportResult;

        Assert.True(exitCode == 0, output);
        Assert.Contains("bills: ", output);
        Assert.Contains($"Import full success: {fixture.Simulator.GroundTruth.Counts.Bills} bills", output);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.DataDirectory, "ovh-costs.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(CAST(Total AS INTEGER)) FROM bill_lines";
        Assert.Equal(fixture.Simulator.GroundTruth.TotalWithoutTax, new Money(Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Differential_import_after_the_full_one_succeeds_with_few_requests()
    {
        var before = fixture.Simulator.Requests.Total;

        var (exitCode, output) = await fixture.RunAsync($"import --no-consumption --no-account --no-inventory --no-cloud --data \"{fixture.DataDirectory}\"");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Import differential success: 0 bills", output);
        // OVH's time, one bill listing and the two bills verified per run (Sync:VerifiedBillsPerRun), nothing per bill.
        var requests = fixture.Simulator.Requests.Total - before;
        Assert.InRange(requests, 1, 4);
    }

    [Fact]
    public async Task Bills_download_writes_the_documents_then_skips_them_on_the_second_run()
    {
        var folder = Path.Combine(fixture.Scratch, "invoices");
        var october = fixture.Simulator.GroundTruth.Bills.Count(b => b.Value.Month == "2026-10");
        var arguments = $"bills download --from 2026-10-01 --to 2026-10-31 --format pdf --out \"{folder}\" --data \"{fixture.DataDirectory}\"";

        var (exitCode, output) = await fixture.RunAsync(arguments);

        Assert.True(exitCode == 0, output);
        var files = Directory.GetFiles(folder, "*.pdf");
        Assert.Equal(october, files.Length);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0));
        Assert.Contains($"{october} listed, {october} downloaded, 0 already there, 0 failed", output);

        var second = await fixture.RunAsync(arguments);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains($"{october} listed, 0 downloaded, {october} already there, 0 failed", second.Output);
    }

    [Fact]
    public async Task Report_prints_the_month_total_and_writes_a_french_file()
    {
        var truth = fixture.Simulator.GroundTruth.Months["2026-10"];

        var (exitCode, output) = await fixture.RunAsync($"report --month 2026-10 --data \"{fixture.DataDirectory}\"");

        Assert.True(exitCode == 0, output);
        Assert.Contains("# OVHcloud cost report — October 2026", output);
        Assert.Contains($"| Total excl. tax | {Euros.In("en", truth.WithoutTax)} |", output);

        var file = Path.Combine(fixture.Scratch, "reports", "2026-10.md");
        var french = await fixture.RunAsync($"report --month 2026-10 --lang fr --out \"{file}\" --data \"{fixture.DataDirectory}\"");
        Assert.True(french.ExitCode == 0, french.Output);
        var markdown = await File.ReadAllTextAsync(file);
        Assert.Contains($"| Total HT | {Euros.In("fr", truth.WithoutTax)} |", markdown);
        Assert.Contains($"| Total TTC | {Euros.In("fr", truth.WithTax)} |", markdown);
    }

    [Theory]
    [InlineData("import --mode period --from 2026-13-01 --to 2026-10-31", "--from: '2026-13-01' is not a date: expected YYYY-MM-DD")]
    [InlineData("import --mode period --from 2026-10-01", "--mode period needs both --from and --to")]
    [InlineData("import --mode full --from 2026-10-31 --to 2026-10-01", "is after --to")]
    [InlineData("bills download --from 2026-10-01 --to 31/10/2026 --out x", "--to: '31/10/2026' is not a date")]
    [InlineData("report --month 2026-1", "--month: '2026-1' is not a month: expected YYYY-MM")]
    public async Task A_malformed_argument_exits_with_code_2_and_a_message_naming_it(string arguments, string message)
    {
        var (exitCode, output) = await fixture.RunAsync(arguments + $" --data \"{fixture.DataDirectory}\"");

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output);
    }

    [Fact]
    public async Task An_unknown_mode_is_refused_by_the_parser()
    {
        var (exitCode, output) = await fixture.RunAsync($"import --mode everything --data \"{fixture.DataDirectory}\"");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("everything", output);
    }

    [Fact]
    public async Task Import_without_credentials_refuses_and_points_to_demo()
    {
        var (exitCode, output) = await fixture.RunAsync($"import --data \"{Path.Combine(fixture.Scratch, "empty")}\"", withCredentials: false);

        Assert.Equal(1, exitCode);
        Assert.Contains("No OVH credentials configured", output);
        Assert.Contains("--demo", output);
    }

    [Theory]
    [InlineData("Sync__InitialMonths", "abc", "Sync:InitialMonths")]
    [InlineData("Sync__InitialMonths", "-1", "Sync:InitialMonths")]
    [InlineData("Sync__ConsumptionInterval", "abc", "Sync:ConsumptionInterval")]
    [InlineData("Ovh__MaxRetries", "many", "Ovh:MaxRetries")]
    [InlineData("Ovh__RequestTimeout", "soon", "Ovh:RequestTimeout")]
    public async Task A_bad_setting_stops_the_cli_with_one_line_naming_it_and_exit_code_1(string variable, string value, string setting)
    {
        var data = Path.Combine(fixture.Scratch, "bad-setting-" + Guid.NewGuid().ToString("N"));

        var (exitCode, output) = await fixture.RunAsync($"import --mode differential --data \"{data}\"", settings: new Dictionary<string, string> { [variable] = value });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Configuration error:", line);
        Assert.Contains(setting, line);
    }

    [Theory]
    [InlineData("not a database at all, just text")]
    [InlineData("SQLite format 3\0 and then the rest of the file is gone")]
    public async Task A_database_file_that_is_not_sqlite_or_is_cut_stops_the_cli_naming_the_file_and_keeps_it(string content)
    {
        var data = Path.Combine(fixture.Scratch, "garbage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var file = Path.Combine(data, "ovh-costs.db");
        await File.WriteAllTextAsync(file, content);

        var (exitCode, output) = await fixture.RunAsync($"report --month 2026-10 --data \"{data}\"");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Database error:", line);
        Assert.Contains(file, line);
        Assert.Equal(content, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task A_cli_import_killed_half_way_is_closed_as_interrupted_by_the_next_cli_start()
    {
        var data = Path.Combine(fixture.Scratch, "killed-" + Guid.NewGuid().ToString("N"));
        var database = Path.Combine(data, "ovh-costs.db");
        fixture.Simulator.Faults.LatencyMs = 100;
        try
        {
            using var import = fixture.Start($"import --mode full --data \"{data}\"");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await RunStatusAsync(database) is not ("Running", _))
            {
                Assert.True(DateTime.UtcNow < deadline && !import.HasExited, "the import never recorded its run");
                await Task.Delay(100);
            }

            import.Kill();
            await import.WaitForExitAsync();
        }
        finally
        {
            fixture.Simulator.Faults.LatencyMs = 0;
        }

        Assert.Equal(("Running", null), await RunStatusAsync(database));
        await fixture.RunAsync($"report --month 2026-10 --data \"{data}\"");

        Assert.Equal(("Failed", "Interrupted"), await RunStatusAsync(database));
    }

    private static async Task<(string Status, string? Reason)?> RunStatusAsync(string database)
    {
        if (!File.Exists(database))
        {
            return null;
        }

        try
        {
            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Status, FailureReason FROM sync_runs ORDER BY Id LIMIT 1";
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
        }
        catch (SqliteException)
        {
            // The schema is still being created.
            return null;
        }
    }
}

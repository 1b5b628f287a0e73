using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Hosting;

public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task An_unwritable_data_directory_stops_startup_with_one_line_naming_the_setting()
    {
        var (exitCode, output) = await RunPublishedAsync(new Dictionary<string, string> { ["Data__Directory"] = "/proc/ocm-cannot-write-here" });

        Assert.Equal(1, exitCode);
        Assert.Contains("Data:Directory", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_malformed_settings_file_stops_startup_with_a_clear_message()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "appsettings.json"), "{ \"Data\": { \"Directory\": ");

        var (exitCode, output) = await RunPublishedAsync(new Dictionary<string, string> { ["ASPNETCORE_CONTENTROOT"] = folder.Path });

        Assert.Equal(1, exitCode);
        Assert.Contains("Configuration error", output);
        Assert.Contains("appsettings.json", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Theory]
    [InlineData("2026-11-18")]
    [InlineData("2026-11-18T10:00:00")]
    [InlineData("18/11/2026 10:00")]
    public async Task A_demo_instant_without_its_offset_stops_startup_with_one_line_naming_the_setting(string value)
    {
        using var data = new TempDirectory();

        var (exitCode, output) = await RunPublishedAsync(new Dictionary<string, string> { ["Data__Directory"] = data.Path, ["Demo__Now"] = value });

        Assert.Equal(1, exitCode);
        Assert.Contains($"Demo:Now must be an instant with its offset, e.g. 2026-11-18T10:00:00+01:00 (was '{value}')", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Theory]
    [InlineData("Sync__ConsumptionInterval", "abc", "Sync:ConsumptionInterval")]
    [InlineData("Sync__InitialMonths", "abc", "Sync:InitialMonths")]
    [InlineData("Sync__InitialMonths", "-1", "Sync:InitialMonths")]
    [InlineData("Oidc__Enabled", "yes", "Oidc:Enabled")]
    [InlineData("Oidc__SessionLifetime", "banana", "Oidc:SessionLifetime")]
    [InlineData("Oidc__SessionAbsoluteLifetime", "banana", "Oidc:SessionAbsoluteLifetime")]
    [InlineData("Ovh__MaxRetries", "many", "Ovh:MaxRetries")]
    [InlineData("Dashboard__StaleAfterDays", "soon", "Dashboard:StaleAfterDays")]
    [InlineData("Cash__DueWarningDays", "soon", "Cash:DueWarningDays")]
    [InlineData("Cash__DueWarningDays", "91", "Cash:DueWarningDays")]
    [InlineData("RateLimiting__PermitLimit", "many", "RateLimiting:PermitLimit")]
    [InlineData("Insights__LookBackDays", "abc", "Insights:LookBackDays")]
    [InlineData("Insights__ThresholdPercent", "0", "Insights:ThresholdPercent")]
    [InlineData("Insights__FloorEuros", "-5", "Insights:FloorEuros")]
    public async Task A_setting_of_the_wrong_form_stops_startup_with_one_line_naming_it(string variable, string value, string setting)
    {
        using var data = new TempDirectory();

        var (exitCode, output) = await RunPublishedAsync(new Dictionary<string, string> { ["Data__Directory"] = data.Path, [variable] = value });

        Assert.Equal(1, exitCode);
        Assert.Contains(setting, output);
        Assert.DoesNotContain("   at ", output);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.Contains(setting, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("this is not a database, just text")]
    [InlineData("SQLite format 3\0 and then garbage where the pages should be")]
    public async Task A_database_file_that_is_not_a_database_stops_startup_naming_the_file_and_what_to_do(string content)
    {
        using var data = new TempDirectory();
        var file = Path.Combine(data.Path, "ovh-costs.db");
        await File.WriteAllTextAsync(file, content + new string('x', 4096));

        var (exitCode, output) = await RunPublishedAsync(new Dictionary<string, string> { ["Data__Directory"] = data.Path });

        Assert.Equal(1, exitCode);
        Assert.Contains($"Database error: '{file}' is not a readable SQLite database", output);
        Assert.Contains("move it away", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Equal(content + new string('x', 4096), await File.ReadAllTextAsync(file));
    }

    private static async Task<(int, string)> RunPublishedAsync(Dictionary<string, string> environment)
    {
        var published = await PublishedApp.PublishAsync();
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return await PublishedApp.RunAsync(Path.Combine(published, "OvhCostManager.Web"), "", Path.GetTempPath(), TimeSpan.FromSeconds(60), environment);
    }
}

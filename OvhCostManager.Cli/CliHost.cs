using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvhCostManager.Core;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;

namespace OvhCostManager.Cli;

/// <summary>
/// Core as the CLI runs it: settings from <c>appsettings.json</c> next to the executable, then the environment
/// (<c>Ovh__…</c>, <c>Data__Directory</c>), then <c>--data</c>; the store migrated; with <c>--demo</c> and no
/// credentials, the built-in simulator (Medium account, seed <c>Demo:Seed</c>).
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    public const string NoCredentials =
        "No OVH credentials configured: set Ovh__ApplicationKey, Ovh__ApplicationSecret and Ovh__ConsumerKey (or Ovh__ClientId and " +
        "Ovh__ClientSecret) in the environment or appsettings.json, or pass --demo to use the built-in simulated account.";

    private readonly SimulatorServer? simulator;

    private CliHost(ServiceProvider services, SimulatorServer? simulator)
    {
        Services = services;
        this.simulator = simulator;
    }

    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Builds the host, or writes one line to stderr and returns null (exit code 1).</summary>
    public static async Task<CliHost?> StartAsync(string? dataDirectory, bool demo, bool needsOvh, CancellationToken cancellationToken)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            builder.AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Directory"] = dataDirectory });
        }

        IConfiguration configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            await Console.Error.WriteLineAsync("Configuration error: " + e.Message);
            return null;
        }

        SimulatorServer? simulator = null;
        if (needsOvh && !OvhClientOptions.HasCredentialSettings(configuration))
        {
            if (!demo)
            {
                await Console.Error.WriteLineAsync(NoCredentials);
                return null;
            }

            simulator = await SimulatorServer.StartAsync(new SimulatorOptions
            {
                Seed = configuration.GetValue("Demo:Seed", 42),
                Size = AccountSize.Medium,
                Port = configuration.GetValue("Demo:SimulatorPort", 0),
            }, cancellationToken);
            configuration = new ConfigurationBuilder()
                .AddConfiguration(configuration)
                .AddInMemoryCollection(simulator.ClientSettings)
                .Build();
            Console.WriteLine($"Demo mode: using the built-in simulated account at {simulator.BaseUrl}");
        }

        var services = new ServiceCollection()
            .AddLogging(logging => logging
                .SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft", LogLevel.Error)
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddOvhCostManagerCore(configuration)
            .BuildServiceProvider();
        var host = new CliHost(services, simulator);
        try
        {
            // A plain ServiceProvider does not run ValidateOnStart: read each options once so mistakes surface here.
            _ = services.GetRequiredService<IOptions<DataOptions>>().Value;
            _ = services.GetRequiredService<IOptions<SyncOptions>>().Value;
            if (needsOvh)
            {
                _ = services.GetRequiredService<IOptions<OvhClientOptions>>().Value;
            }

            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            return host;
        }
        catch (Exception e) when (e is OptionsValidationException or DatabaseTooNewException)
        {
            await Console.Error.WriteLineAsync((e is OptionsValidationException o ? "Configuration error: " + string.Join(" ", o.Failures) : "Database error: " + e.Message));
            await host.DisposeAsync();
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }
    }
}

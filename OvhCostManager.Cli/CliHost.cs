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
        CliHost? host = null;
        try
        {
            host = await BuildAsync(dataDirectory, demo, needsOvh, cancellationToken);
            if (host is null)
            {
                return null;
            }

            // A plain ServiceProvider does not run ValidateOnStart: read each options once so mistakes surface here.
            _ = host.Get<IOptions<DataOptions>>().Value;
            _ = host.Get<IOptions<SyncOptions>>().Value;
            if (needsOvh)
            {
                _ = host.Get<IOptions<OvhClientOptions>>().Value;
            }

            await host.Get<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await host.Get<SyncRunStore>().CloseInterruptedRunsAsync(cancellationToken);
            return host;
        }
        catch (Exception e) when (StartupFailure.TryDescribe(e, out var message) is not null)
        {
            await Console.Error.WriteLineAsync(message);
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            return null;
        }
    }

    private static async Task<CliHost?> BuildAsync(string? dataDirectory, bool demo, bool needsOvh, CancellationToken cancellationToken)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            builder.AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Directory"] = dataDirectory });
        }

        IConfiguration configuration = builder.Build();
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
                // A failed command is reported once, by the error that stops the CLI; EF's own line would repeat it.
                .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None)
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddOvhCostManagerCore(configuration)
            .BuildServiceProvider();
        return new CliHost(services, simulator);
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

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OvhCostManager.Core;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// Core wired as the app wires it (<c>AddOvhCostManagerCore</c>) over a real SQLite file in a temp folder, with the
/// OVH client pointed at a simulator (small retry delays). The app reads the simulator's clock unless the test passes
/// one of its own: one "now" for the whole test world. Dispose to delete the folder.
/// </summary>
public sealed class SyncHarness : IAsyncDisposable
{
    private SyncHarness(string directory, ServiceProvider services)
    {
        Directory = directory;
        Services = services;
    }

    public string Directory { get; }

    public ServiceProvider Services { get; }

    public IDbContextFactory<CostDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<CostDbContext>>();

    public ISyncRunner Runner => Services.GetRequiredService<ISyncRunner>();

    public OvhRequestCounter Counter => Services.GetRequiredService<OvhRequestCounter>();

    public static async Task<SyncHarness> CreateAsync(SimulatorServer simulator, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ocm-sync-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var values = new Dictionary<string, string?>(simulator.ClientSettings)
        {
            ["Data:Directory"] = directory,
            ["Ovh:RetryBaseDelay"] = "00:00:00.010",
            ["Ovh:MaxRetryAfter"] = "00:00:00.050",
            // Generous: on a machine busy with other test processes a loopback answer can take seconds, and a timeout
            // turns into a retry or a partial run that the test did not ask for. Tests of timeouts set their own.
            ["Ovh:RequestTimeout"] = "00:00:10",
            ["Ovh:MaxRetries"] = "8",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton(clock ?? simulator.Clock)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddOvhCostManagerCore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return new SyncHarness(directory, services);
    }

    /// <summary>Runs a request through the runner (no coordinator), ignoring progress.</summary>
    public Task<SyncOutcome> RunAsync(SyncRequest request, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(request, new Progress<SyncProgress>(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by SQLite; the temp folder is cleaned by the OS.
        }
    }
}

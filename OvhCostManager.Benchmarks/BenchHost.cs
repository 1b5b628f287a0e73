using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OvhCostManager.Core;
using OvhCostManager.Core.Data;
using OvhCostManager.Simulator;

namespace OvhCostManager.Benchmarks;

/// <summary>
/// Core services over a fresh SQLite file, talking to the simulator through the real OVH client. Every benchmark lives
/// at <see cref="Now"/> (the simulator and the app alike), so its figures do not depend on the day it runs.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private BenchHost(ServiceProvider services, string dataDirectory)
    {
        this.services = services;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public IServiceProvider Services => services;

    public static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(1));

    public static string NowSetting => SimulatorClock.FormatInstant(Now);

    /// <summary>Settings every host gets on top of the defaults (<c>--set Section:Key=value</c> on the command line).</summary>
    public static Dictionary<string, string?> Overrides { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static string NewDataDirectory() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ocm-bench-" + Guid.NewGuid().ToString("N"))).FullName;

    public static async Task<BenchHost> StartAsync(Uri simulatorBaseUrl, string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? clock = null)
    {
        dataDirectory ??= NewDataDirectory();
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Data:Directory"] = dataDirectory,
            ["Ovh:BaseUrl"] = simulatorBaseUrl.ToString().TrimEnd('/'),
            ["Ovh:ApplicationKey"] = "sim-app-key",
            ["Ovh:ApplicationSecret"] = "sim-app-secret",
            ["Ovh:ConsumerKey"] = "sim-consumer-key",
            ["Ovh:RetryBaseDelay"] = "00:00:00.200",
        };
        foreach (var (key, value) in Overrides.Concat(settings ?? new Dictionary<string, string?>()))
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton(clock ?? SimulatorClock.Frozen(Now));
        // Each retry is logged as a warning by the transport; the tables count them, so only errors are printed.
        collection.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
            .AddFilter("OvhCostManager.Core.Ovh", LogLevel.Error)
            .AddFilter("OvhCostManager.Core.Sync.SyncRunner", LogLevel.Debug));
        collection.AddOvhCostManagerCore(configuration);
        var provider = collection.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return new BenchHost(provider, dataDirectory);
    }

    public T Create<T>() => Microsoft.Extensions.DependencyInjection.ActivatorUtilities.GetServiceOrCreateInstance<T>(services);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
    }
}

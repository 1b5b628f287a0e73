using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OvhCostManager.Core;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Benchmarks;

/// <summary>Core services over a fresh SQLite file, talking to the simulator through the real OVH client.</summary>
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

    public static async Task<BenchHost> StartAsync(Uri simulatorBaseUrl, string? dataDirectory = null)
    {
        dataDirectory ??= Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ocm-bench-" + Guid.NewGuid().ToString("N"))).FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Directory"] = dataDirectory,
            ["Ovh:BaseUrl"] = simulatorBaseUrl.ToString().TrimEnd('/'),
            ["Ovh:ApplicationKey"] = "sim-app-key",
            ["Ovh:ApplicationSecret"] = "sim-app-secret",
            ["Ovh:ConsumerKey"] = "sim-consumer-key",
            ["Ovh:RetryBaseDelay"] = "00:00:00.200",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        collection.AddOvhCostManagerCore(configuration);
        var provider = collection.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return new BenchHost(provider, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
    }
}

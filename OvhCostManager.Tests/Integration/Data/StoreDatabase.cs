using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvhCostManager.Core;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Tests.Integration.Data;

/// <summary>A real SQLite file in its own temp folder, wired exactly as the application wires it.</summary>
public sealed class StoreDatabase : IAsyncDisposable
{
    private StoreDatabase(string directory, ServiceProvider services)
    {
        Directory = directory;
        Services = services;
    }

    public string Directory { get; }
    public ServiceProvider Services { get; }
    public string ConnectionString => Services.GetRequiredService<IOptions<DataOptions>>().Value.ConnectionString;
    public string DatabasePath => Services.GetRequiredService<IOptions<DataOptions>>().Value.DatabasePath;

    public static async Task<StoreDatabase> CreateAsync(bool migrate = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ocm-store-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Directory"] = directory })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddOvhCostManagerCore(configuration)
            .BuildServiceProvider(validateScopes: true);
        var database = new StoreDatabase(directory, services);
        if (migrate)
        {
            await database.Get<DatabaseMigrator>().MigrateAsync();
        }

        return database;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Task<CostDbContext> ContextAsync() => Get<IDbContextFactory<CostDbContext>>().CreateDbContextAsync();

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
            // A file still mapped by SQLite on this platform; the temp folder is cleaned by the OS.
        }
    }
}

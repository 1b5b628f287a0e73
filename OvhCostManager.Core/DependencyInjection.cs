using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Changes;
using OvhCostManager.Core.Alerts;
using OvhCostManager.Core.Cash;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Sync;
using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Core;

public static class DependencyInjection
{
    /// <summary>Registers the store and everything the Web host and the CLI share.</summary>
    public static IServiceCollection AddOvhCostManagerCore(this IServiceCollection services, IConfiguration configuration)
    {
        // One clock for the whole app; demo mode and test harnesses register theirs (the simulated account's) first.
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<DataOptions>()
            .Bind(configuration.GetSection(DataOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(DataDirectoryIsWritable, "Data:Directory must be a folder the application can create and write to.")
            .ValidateOnStart();

        services.AddDbContextFactory<CostDbContext>((sp, options) =>
        {
            var data = sp.GetRequiredService<IOptions<DataOptions>>().Value;
            options.UseSqlite(data.ConnectionString)
                .AddInterceptors(new SqlitePragmasInterceptor())
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        });
        services.AddSingleton<DatabaseMigrator>();

        services.AddOptions<SyncOptions>()
            .Bind(configuration.GetSection(SyncOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<InsightsOptions>()
            .Bind(configuration.GetSection(InsightsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ResourceDayRecorder>();
        services.AddSingleton<DailyChangesQuery>();
        services.AddSingleton<SyncNotifier>();
        services.AddOvhApi(configuration);
        services.AddSingleton<BillStore>();
        services.AddSingleton<InventoryStore>();
        services.AddSingleton<ConsumptionStore>();
        services.AddSingleton<SyncRunStore>();
        services.AddSingleton<AccountSettingsStore>();
        services.AddDashboardQueries();
        services.AddBudgetsAndAlerts(configuration);

        services.AddSingleton(_ => LineClassifier.Shared);
        services.AddSingleton<BillImport>();
        services.AddSingleton<ConsumptionImport>();
        services.AddSingleton<AccountImport>();
        services.AddSingleton<InventoryImport>();
        services.AddSingleton<CloudDetailsImport>();
        services.AddSingleton<CloudResourceStore>();
        services.AddSingleton<CloudResourcesImport>();
        services.AddSingleton<ISyncRunner, SyncRunner>();
        services.AddSingleton<SyncCoordinator>();
        services.AddInventoryAndConsumptionQueries();
        services.AddCashQueries(configuration);
        return services;
    }

    private static bool DataDirectoryIsWritable(DataOptions options)
    {
        try
        {
            var directory = Directory.CreateDirectory(options.Directory);
            var probe = Path.Combine(directory.FullName, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}

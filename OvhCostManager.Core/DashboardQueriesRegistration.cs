using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.BillLines;
using OvhCostManager.Core.Compare;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Expiring;
using OvhCostManager.Core.Export;
using OvhCostManager.Core.Freshness;
using OvhCostManager.Core.Overview;
using OvhCostManager.Core.Reports;
using OvhCostManager.Core.Sync;
using OvhCostManager.Core.Trends;

namespace OvhCostManager.Core;

public static class DashboardQueriesRegistration
{
    /// <summary>The read side of the dashboard: Overview, Compare, Trends, drill-downs, exports and the Markdown report.</summary>
    public static IServiceCollection AddDashboardQueries(this IServiceCollection services)
    {
        services.AddSingleton<CostLedger>();
        services.AddSingleton<OverviewQueries>();
        services.AddSingleton(sp => new ViewsAfterSync<(string Month, CostLens Lens), OverviewReport>(
            (key, cancellationToken) => sp.GetRequiredService<OverviewQueries>().GetAsync(key.Month, key.Lens, cancellationToken)));
        services.AddSingleton<ExpiringServiceQueries>();
        services.AddSingleton<SyncStatusQueries>();
        services.AddSingleton(sp => new ViewAfterSync<DataFreshness>(sp.GetRequiredService<SyncStatusQueries>().GetAsync));
        services.AddSingleton<BillLineQueries>();
        services.AddSingleton<CompareQueries>();
        services.AddSingleton<TrendQueries>();
        services.AddSingleton<FullExports>();
        services.AddSingleton<MonthReport>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Account;
using OvhCostManager.Core.Inventory;
using OvhCostManager.Core.PayAsYouGo;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Core;

public static class InventoryAndConsumptionQueries
{
    /// <summary>Registers the read services of the Inventory and Pay-as-you-go tabs and of the account section.</summary>
    public static IServiceCollection AddInventoryAndConsumptionQueries(this IServiceCollection services)
    {
        services.AddSingleton<PayAsYouGoQuery>();
        services.AddSingleton<ForecastTrackRecordQuery>();
        services.AddSingleton(sp => new ViewAfterSync<PayAsYouGoView>(sp.GetRequiredService<PayAsYouGoQuery>().GetAsync));
        services.AddSingleton<InventoryQuery>();
        services.AddSingleton<AccountQuery>();
        services.AddSingleton<Savings.HourlyToMonthlyAdvisor>();
        services.AddSingleton<Savings.CloudLeftoverFinder>();
        services.AddSingleton<Savings.BilledButNotThereFinder>();
        services.AddSingleton<Savings.UnbilledInventoryFinder>();
        services.AddSingleton<Savings.SavingsQuery>();
        services.AddSingleton(sp => new ViewAfterSync<Savings.SavingsView>(sp.GetRequiredService<Savings.SavingsQuery>().GetAsync));
        return services;
    }
}

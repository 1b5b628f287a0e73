using Microsoft.Extensions.DependencyInjection;

namespace OvhCostManager.Core.Cash;

public static class CashQueries
{
    /// <summary>The cash calendar and the credit runway.</summary>
    public static IServiceCollection AddCashQueries(this IServiceCollection services)
    {
        services.AddSingleton<CashCalendarQuery>();
        services.AddSingleton<CreditRunwayQuery>();
        services.AddSingleton<CashForecastRecorder>();
        services.AddSingleton<ForecastAgainstBilledQuery>();
        return services;
    }
}

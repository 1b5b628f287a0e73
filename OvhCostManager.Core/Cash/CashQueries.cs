using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OvhCostManager.Core.Cash;

public static class CashQueries
{
    /// <summary>The cash calendar, its kept forecasts and the credit runway, with their settings.</summary>
    public static IServiceCollection AddCashQueries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CashOptions>()
            .Bind(configuration.GetSection(CashOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<CashCalendarQuery>();
        services.AddSingleton<CreditRunwayQuery>();
        services.AddSingleton<CashForecastRecorder>();
        services.AddSingleton<ForecastAgainstBilledQuery>();
        return services;
    }
}

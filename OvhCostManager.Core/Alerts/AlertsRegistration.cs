using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Budgets;

namespace OvhCostManager.Core.Alerts;

public static class AlertsRegistration
{
    /// <summary>Budgets, alert sources, the store and the channels; the host that sends runs <see cref="AlertDispatcher"/>.</summary>
    public static IServiceCollection AddBudgetsAndAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>()
            .Bind(configuration.GetSection(AlertOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.AddSingleton<BudgetStore>();
        services.AddSingleton<BudgetProgressQuery>();
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<IAlertSource, BudgetAlertSource>();
        services.AddSingleton<IAlertSource, ChangeAlertSource>();
        services.AddHttpClient(WebhookChannel.HttpClientName);
        services.AddSingleton<IAlertChannel>(sp => new WebhookChannel(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookChannel.HttpClientName), sp.GetRequiredService<IOptions<AlertOptions>>()));
        services.AddSingleton<IAlertChannel, EmailChannel>();
        services.AddSingleton<AlertDigest>();
        services.AddSingleton<AlertDispatcher>();
        return services;
    }

    private sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
    {
        public ValidateOptionsResult Validate(string? name, AlertOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}

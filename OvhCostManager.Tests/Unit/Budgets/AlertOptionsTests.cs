using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Alerts;

namespace OvhCostManager.Tests.Unit.Budgets;

public sealed class AlertOptionsTests
{
    private static AlertOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddBudgetsAndAlerts(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<AlertOptions>>().Value;
    }

    [Fact]
    public void By_default_alerts_stay_in_the_app_in_french_with_five_attempts()
    {
        var options = Resolve([]);
        Assert.False(options.WebhookConfigured);
        Assert.False(options.Smtp.Configured);
        Assert.Equal("fr", options.Culture);
        Assert.Equal(5, options.MaxAttempts);
    }

    [Theory]
    [InlineData("Alerts:WebhookUrl", "hooks.example.com/x", "Alerts:WebhookUrl must be an absolute http(s) URL")]
    [InlineData("Alerts:Culture", "de", "Alerts:Culture must be 'fr' or 'en'")]
    [InlineData("Alerts:MaxAttempts", "0", "Alerts:MaxAttempts must be between 1 and 20")]
    [InlineData("Alerts:Smtp:Host", "smtp.example.com", "Alerts:Smtp:From must be an e-mail address")]
    public void A_bad_setting_fails_with_a_message_naming_it(string key, string value, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));
        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public void Smtp_recipients_are_split_on_commas_and_semicolons()
    {
        var options = Resolve(new() { ["Alerts:Smtp:Host"] = "smtp.example.com", ["Alerts:Smtp:From"] = "a@example.com", ["Alerts:Smtp:To"] = "b@example.com; c@example.com,d@example.com" });
        Assert.Equal(["b@example.com", "c@example.com", "d@example.com"], options.Smtp.Recipients);
    }
}

using OvhCostManager.Core;
using Radzen;

namespace OvhCostManager.Web;

public static class WebDependencyInjection
{
    /// <summary>Everything the Blazor host needs: Core, Radzen, localisation.</summary>
    public static WebApplicationBuilder AddOvhCostManagerWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddOvhCostManagerCore(builder.Configuration);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddRadzenCookieThemeService(options =>
        {
            options.Name = ThemeCookie.Name;
            options.Duration = TimeSpan.FromDays(365);
        });
        builder.Services.AddOptions<DashboardOptions>()
            .Bind(builder.Configuration.GetSection(DashboardOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        return builder;
    }
}

using Microsoft.AspNetCore.DataProtection;
using OvhCostManager.Core;
using OvhCostManager.Core.Alerts;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Sync;
using OvhCostManager.Web.Hosting.Authentication;
using MudBlazor.Services;

namespace OvhCostManager.Web;

public static class WebDependencyInjection
{
    /// <summary>Everything the Blazor host needs: Core, MudBlazor, localisation, sign-in and the hardening around it.</summary>
    public static WebApplicationBuilder AddOvhCostManagerWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddOvhCostManagerCore(builder.Configuration);
        builder.Services.AddHostedService<SyncScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        builder.Services.AddScoped<DashboardUser>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddTransient<MudBlazor.MudLocalizer, FrenchMudLocalizer>();
        builder.Services.AddOptions<DashboardOptions>()
            .Bind(builder.Configuration.GetSection(DashboardOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");

        // Keys next to the database, so a restart (or a new container on the same volume) keeps sessions and forms valid.
        var dataDirectory = builder.Configuration[$"{DataOptions.SectionName}:Directory"] is { Length: > 0 } configured ? configured : "data";
        var keys = builder.Services.AddDataProtection()
            .SetApplicationName("OvhCostManager")
            .PersistKeysToFileSystem(DataProtectionKeys.Directory(dataDirectory));
        if (OperatingSystem.IsWindows())
        {
            keys.ProtectKeysWithDpapi();
        }

        builder.AddOidcAuthentication();
        builder.Services.AddReverseProxySupport(builder.Configuration);
        builder.Services.AddOvhRateLimiting(builder.Configuration);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddHealth();
        builder.Services.KeepSignInSecretsOutOfLogs();
        return builder;
    }
}

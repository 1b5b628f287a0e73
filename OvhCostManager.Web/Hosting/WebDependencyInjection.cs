using OvhCostManager.Core;
using OvhCostManager.Core.Sync;
using Radzen;

namespace OvhCostManager.Web;

public static class WebDependencyInjection
{
    /// <summary>Everything the Blazor host needs: Core, Radzen, localisation.</summary>
    public static WebApplicationBuilder AddOvhCostManagerWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddOvhCostManagerCore(builder.Configuration);
        builder.Services.AddHostedService<SyncScheduler>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        return builder;
    }
}

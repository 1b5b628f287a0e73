using OvhCostManager.Core;
using OvhCostManager.Core.Data;
using OvhCostManager.Web;
using OvhCostManager.Web.Api;
using OvhCostManager.Web.Components;
using OvhCostManager.Web.Exports;
using OvhCostManager.Web.Hosting.Authentication;

try
{
    // The app's own folder is the content root wherever it is started from: wwwroot, appsettings.json and the
    // static asset manifest sit next to the binary, and a stray working directory must not serve empty files.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") ?? AppContext.BaseDirectory,
    });
    await DemoMode.StartIfNeededAsync(builder.Configuration, builder.Services);
    builder.AddOvhCostManagerWeb();

    var app = builder.Build();

    // Every setting is read and validated now, so that a bad one stops the start with one line (StartupFailure)
    // instead of a host failure logged with its stack trace.
    app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
    if (app.Services.GetService<DemoMode>() is { } demo)
    {
        app.Logger.LogInformation("{Announcement}", demo.Announcement);
    }

    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    await app.Services.GetRequiredService<SyncRunStore>().CloseInterruptedRunsAsync();
    await app.DiscoverOidcProviderAsync();

    app.UseForwardedHeaders();
    app.UseSecurityHeaders();
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseHsts();
    }

    app.UseNotFoundFallback();

    app.UseRequestLocalization(Localization.CreateOptions(app.Configuration["Ovh:Endpoint"]));
    app.UseOidcReadinessGate();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();
    app.UseAntiforgery();

    // Public code and styles: the account pages shown before sign-in use them too.
    app.MapStaticAssets().AllowAnonymous();
    app.MapHealth();
    app.MapCultureSwitch();
    app.MapAccount();
    app.MapApi().MapSyncApi();
    app.MapExports().MapDashboardExports();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.TryDescribe(e, out var message) is { } exitCode)
{
    Console.Error.WriteLine(message);
    return exitCode;
}

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;

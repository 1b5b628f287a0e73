using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Web.Hosting.Authentication;

namespace OvhCostManager.Web;

/// <summary>
/// <c>GET /health</c> on the framework's health checks: public, JSON, 200 when the database answers, 503 when it
/// does not. The JSON keeps the shape monitoring scripts already read.
/// </summary>
public static class HealthEndpoint
{
    /// <param name="Oidc">"disabled", "ready", or "unavailable" (OIDC on but its provider not discovered: the app serves nothing else).</param>
    public sealed record HealthReport(string Status, bool DatabaseReachable, DateTimeOffset? LastSuccessfulSyncUtc, string Version, string Oidc);

    private const string LastSuccessKey = "lastSuccessfulSyncUtc";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).DisableAntiforgery().AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        var healthy = report.Status == HealthStatus.Healthy;
        var lastSuccess = report.Entries.Values.Select(e => e.Data.GetValueOrDefault(LastSuccessKey)).OfType<DateTimeOffset>().FirstOrDefault();
        return context.Response.WriteAsJsonAsync(new HealthReport(healthy ? "healthy" : "unhealthy", healthy, healthy && lastSuccess != default ? lastSuccess : null,
            AppVersion.Current, OidcAuthentication.Status(context.RequestServices)));
    }

    /// <summary>The store answers a query; its data carries the end of the last successful sync.</summary>
    private sealed class StoreHealthCheck(IDbContextFactory<CostDbContext> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var lastSuccess = await db.SyncRuns
                    .Where(r => r.Status == SyncRunStatus.Success)
                    .OrderByDescending(r => r.FinishedAtUtc)
                    .Select(r => r.FinishedAtUtc)
                    .FirstOrDefaultAsync(cancellationToken);
                return HealthCheckResult.Healthy(data: lastSuccess is { } at ? new Dictionary<string, object> { [LastSuccessKey] = at } : null);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", e);
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Web.Hosting.Authentication;

namespace OvhCostManager.Web;

/// <summary><c>GET /health</c>: public, JSON, 200 when the database answers, 503 when it does not.</summary>
public static class HealthEndpoint
{
    /// <param name="Oidc">"disabled", "ready", or "unavailable" (OIDC on but its provider not discovered: the app serves nothing else).</param>
    public sealed record HealthReport(string Status, bool DatabaseReachable, DateTimeOffset? LastSuccessfulSyncUtc, string Version, string Oidc);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (IDbContextFactory<CostDbContext> contexts, IServiceProvider services, CancellationToken cancellationToken) =>
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var lastSuccess = await db.SyncRuns
                    .Where(r => r.Status == SyncRunStatus.Success)
                    .OrderByDescending(r => r.FinishedAtUtc)
                    .Select(r => r.FinishedAtUtc)
                    .FirstOrDefaultAsync(cancellationToken);
                return Results.Json(new HealthReport("healthy", true, lastSuccess, AppVersion.Current, OidcAuthentication.Status(services)));
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                return Results.Json(new HealthReport("unhealthy", false, null, AppVersion.Current, OidcAuthentication.Status(services)), statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).DisableAntiforgery().AllowAnonymous();
        return endpoints;
    }
}

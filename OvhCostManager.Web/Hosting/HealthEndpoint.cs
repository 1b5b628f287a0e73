using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Freshness;
using OvhCostManager.Web.Hosting.Authentication;

namespace OvhCostManager.Web;

/// <summary>
/// <c>GET /health</c> on the framework's health checks: public, JSON. 200 "healthy"; 200 "degraded" when the last
/// sync run failed or was partial (the app serves the data it has, so Docker's <c>HEALTHCHECK</c> keeps it running,
/// and <c>reason</c> says why); 503 "unhealthy" when the database does not answer.
/// </summary>
public static class HealthEndpoint
{
    /// <param name="Oidc">"disabled", "ready", or "unavailable" (OIDC on but its provider not discovered: the app serves nothing else).</param>
    /// <param name="LastRun">The last run when it did not succeed; null when it did.</param>
    /// <param name="Reason">Why the status is not "healthy", in one sentence.</param>
    public sealed record HealthReport(string Status, bool DatabaseReachable, DateTimeOffset? LastSuccessfulSyncUtc, string Version, string Oidc,
        FailedRun? LastRun, string? Reason);

    /// <param name="Status">"Failed" or "Partial".</param>
    /// <param name="FailureReason">e.g. "CredentialsRefused", "OvhUnreachable".</param>
    public sealed record FailedRun(string Status, string FailureReason, DateTimeOffset FinishedAtUtc);

    private const string FreshnessKey = "freshness";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<SyncHealthCheck>("sync");
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).DisableAntiforgery().AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        var entry = report.Entries.Values.FirstOrDefault();
        var freshness = entry.Data?.GetValueOrDefault(FreshnessKey) as DataFreshness;
        var failure = freshness?.LastFailure;
        return context.Response.WriteAsJsonAsync(new HealthReport(
            report.Status switch { HealthStatus.Healthy => "healthy", HealthStatus.Degraded => "degraded", _ => "unhealthy" },
            freshness is not null,
            freshness?.LastSuccessfulSyncUtc,
            AppVersion.Current,
            OidcAuthentication.Status(context.RequestServices),
            failure is null ? null : new FailedRun(failure.Status.ToString(), failure.Reason.ToString(), failure.FinishedAtUtc),
            report.Status == HealthStatus.Healthy ? null : entry.Description));
    }

    /// <summary>The store answers a query; the last run's outcome decides between healthy and degraded.</summary>
    private sealed class SyncHealthCheck(SyncStatusQueries status) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            DataFreshness freshness;
            try
            {
                freshness = await status.GetAsync(cancellationToken);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", e);
            }

            var data = new Dictionary<string, object> { [FreshnessKey] = freshness };
            return freshness.LastFailure is { } failure
                ? HealthCheckResult.Degraded(Describe(failure), data: data)
                : HealthCheckResult.Healthy(data: data);
        }

        private static string Describe(SyncFailure failure) =>
            $"The last sync ({failure.FinishedAtUtc:u}) {(failure.Status == SyncRunStatus.Partial ? "was partial" : "failed")}: {Reason(failure.Reason)}.";

        private static string Reason(SyncFailureReason reason) => reason switch
        {
            SyncFailureReason.CredentialsRefused => "credentials refused by OVH",
            SyncFailureReason.OvhUnreachable => "OVH unreachable",
            SyncFailureReason.Interrupted => "interrupted before the end",
            SyncFailureReason.Cancelled => "cancelled",
            SyncFailureReason.Internal => "an application error (see the log)",
            _ => "OVH returned errors",
        };
    }
}

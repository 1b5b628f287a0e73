using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Web.Exports;

/// <summary>
/// Downloads under <c>/export</c>: rate limited, and answered with 401 (never a login page) when OIDC is on and nobody is signed in.
/// Add new exports to the group returned by <see cref="MapExports"/>.
/// </summary>
public static class ExportEndpoints
{
    public const int MaxRows = 10_000;

    public static RouteGroupBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("/export").RequireRateLimiting(RateLimiting.PolicyName);
        // Bills and costs are not for shared caches or the browser's disk cache.
        exports.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
        exports.MapGet("/sync-runs.csv", SyncRunsCsvAsync);
        return exports;
    }

    /// <summary>The import history, newest first; <c>?limit=</c> caps the rows (1 to 10 000, default all up to 10 000).</summary>
    private static async Task<IResult> SyncRunsCsvAsync(HttpContext http, IDbContextFactory<CostDbContext> contexts, string? limit, CancellationToken cancellationToken)
    {
        var rows = MaxRows;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out rows) || rows is < 1 or > MaxRows))
        {
            return Results.BadRequest(new { error = $"limit must be a whole number between 1 and {MaxRows}." });
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.SyncRuns.OrderByDescending(r => r.Id).Take(rows).ToListAsync(cancellationToken);

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord(["id", "kind", "status", "started_at_utc", "finished_at_utc", "range_from", "range_to",
                "bills_imported", "lines_imported", "requests_made", "retries", "failure_reason", "error"]);
            foreach (var run in runs)
            {
                csv.WriteRecord(
                [
                    Invariant(run.Id), run.Kind.ToString(), run.Status.ToString(),
                    run.StartedAtUtc.ToString("O", CultureInfo.InvariantCulture), run.FinishedAtUtc?.ToString("O", CultureInfo.InvariantCulture),
                    run.RangeFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), run.RangeTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Invariant(run.BillsImported), Invariant(run.LinesImported), Invariant(run.RequestsMade), Invariant(run.Retries), run.FailureReason?.ToString(),
                    OvhCostManager.Core.Export.CsvExporter.Neutralise(run.Error),
                ]);
            }
        }

        return Results.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", "sync-runs.csv");
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}

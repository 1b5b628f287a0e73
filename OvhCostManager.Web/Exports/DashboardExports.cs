using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Export;
using OvhCostManager.Core.Reports;

namespace OvhCostManager.Web.Exports;

/// <summary>
/// Full exports as streamed downloads under <c>/export/</c> (the CSV in the request's culture, see
/// <see cref="CsvExporter"/>) and the month's Markdown report. Malformed parameters get a 400 that says what is expected.
/// </summary>
public static class DashboardExports
{
    /// <summary>Adds the dashboard's exports to the <c>/export</c> group (rate limited, 401 when signed out).</summary>
    public static RouteGroupBuilder MapDashboardExports(this RouteGroupBuilder group)
    {
        group.MapGet("/bills.csv", (HttpContext http, FullExports exports, IStringLocalizer<SharedResource> l, string? from, string? to) =>
            Ranged(http, from, to, range => exports.Bills(range, k => l[k]), "bills"));
        group.MapGet("/bill-lines.csv", (HttpContext http, FullExports exports, IStringLocalizer<SharedResource> l, string? from, string? to) =>
            Ranged(http, from, to, range => exports.BillLines(range, k => l[k]), "bill-lines"));
        group.MapGet("/cost-by-project.csv", async (HttpContext http, FullExports exports, IStringLocalizer<SharedResource> l, string? from, string? to, string? lens) =>
        {
            if (!MonthRange.TryParse(from, to, out var range, out var error) || !ReadLens(lens, out var costLens, out error))
            {
                return Results.BadRequest(new { error });
            }

            var table = await exports.CostByProjectAsync(range, costLens, k => l[k], http.RequestAborted);
            return Csv(http, table, $"cost-by-project-{range.FileSuffix}-{costLens.ToQuery()}.csv");
        });
        group.MapGet("/inventory.csv", (HttpContext http, FullExports exports, IStringLocalizer<SharedResource> l, TimeProvider time) =>
            Csv(http, exports.Inventory(k => l[k]), $"inventory-{time.GetUtcNow():yyyy-MM-dd}.csv"));
        group.MapGet("/report-{month}.md", async (HttpContext http, MonthReport report, string month, string? lens) =>
        {
            if (!BillingMonth.TryParse(month, out var parsed, out var error) || !ReadLens(lens, out var costLens, out error))
            {
                return Results.BadRequest(new { error });
            }

            var document = await report.BuildAsync(parsed, CultureInfo.CurrentUICulture, costLens, http.RequestAborted);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(document.Markdown), "text/markdown; charset=utf-8",
                $"ovh-report-{parsed}-{costLens.ToQuery()}-{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}.md");
        });
        return group;
    }

    /// <summary><c>?lens=</c> absent is the default lens; a value other than invoiced / incurred is refused.</summary>
    private static bool ReadLens(string? text, out CostLens lens, out string error)
    {
        lens = CostLenses.Default;
        error = "";
        return text is null || CostLenses.TryParse(text, out lens, out error);
    }

    private static IResult Ranged(HttpContext http, string? from, string? to, Func<MonthRange, CsvTable> table, string name) =>
        MonthRange.TryParse(from, to, out var range, out var error)
            ? Csv(http, table(range), $"{name}-{range.FileSuffix}.csv")
            : Results.BadRequest(new { error });

    private static IResult Csv(HttpContext http, CsvTable table, string fileName)
    {
        // The rows are read from SQLite while CsvHelper writes, so its writes to the response may be synchronous.
        if (http.Features.Get<IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }

        var culture = CultureInfo.CurrentCulture;
        return Results.Stream(stream => CsvExporter.WriteAsync(stream, table, culture, http.RequestAborted), "text/csv; charset=utf-8", fileName);
    }
}

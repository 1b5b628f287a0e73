using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OvhCostManager.Core.Costs;
using OvhCostManager.Simulator.Http;

namespace OvhCostManager.Simulator.Control;

/// <summary>
/// Unsigned, loopback-only routes under <c>/_simulator/</c> for tests that run the dashboard as a separate process,
/// plus the invoice documents the bills' <c>pdfUrl</c>/<c>url</c> point to. Not part of OVH's API.
/// </summary>
internal static class ControlApi
{
    public static void Map(WebApplication app, SimulatorState state, bool enableControl)
    {
        var account = state.Account;

        app.MapGet("/_simulator/invoice/{file}", (string file, string? passwd) =>
        {
            var billId = Path.GetFileNameWithoutExtension(file);
            var bill = account.FindBill(billId);
            if (bill is null || bill.Date > state.Clock.GetUtcNow() || passwd != bill.Password) return Results.NotFound();
            var text = $"OVH SAS - Facture {bill.BillId} du {ParisTime.DateOf(bill.Date):yyyy-MM-dd} - Total TTC {bill.PriceWithTax.Amount.ToString("0.00", CultureInfo.InvariantCulture)} EUR";
            return file.EndsWith(".pdf", StringComparison.Ordinal)
                ? Results.Bytes(MinimalPdf(text), "application/pdf")
                : Results.Content($"<html><body><h1>{WebUtility.HtmlEncode(text)}</h1></body></html>", "text/html");
        });

        if (!enableControl) return;

        var control = app.MapGroup("/_simulator").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
                ? await next(context)
                : Results.StatusCode(403));

        control.MapGet("/ground-truth", () => Results.Json(GroundTruth.Compute(account, state.Clock.GetUtcNow()), ControlJson));
        control.MapGet("/info", () => Results.Json(new
        {
            now = state.Clock.GetUtcNow(),
            seed = account.Seed,
            shape = account.Shape,
            credentials = SimulatorCredentials.Default,
            requests = state.Requests.Total,
        }, ControlJson));
        control.MapPost("/consumption/advance", (string? amount) =>
        {
            if (!decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                return Results.BadRequest(new { message = "Query parameter 'amount' must be a decimal such as 12.34" });
            account.AdvanceConsumption(Money.FromDecimal(value));
            return Results.Json(new { consumptionCurrent = GroundTruth.Compute(account, state.Clock.GetUtcNow()).ConsumptionCurrent }, ControlJson);
        });
        control.MapPost("/clock/advance", (string? hours, string? minutes) =>
        {
            var delta = TimeSpan.Zero;
            if (hours is not null && double.TryParse(hours, NumberStyles.Float, CultureInfo.InvariantCulture, out var h)) delta += TimeSpan.FromHours(h);
            else if (hours is not null) return Results.BadRequest(new { message = "Query parameter 'hours' must be a number" });
            if (minutes is not null && double.TryParse(minutes, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)) delta += TimeSpan.FromMinutes(m);
            else if (minutes is not null) return Results.BadRequest(new { message = "Query parameter 'minutes' must be a number" });
            state.Clock.Advance(delta);
            account.CatchUp(state.Clock.GetUtcNow());
            return Results.Json(new { now = state.Clock.GetUtcNow() }, ControlJson);
        });
        control.MapPost("/faults", async (HttpContext context) =>
        {
            FaultOptions? faults;
            try
            {
                faults = await JsonSerializer.DeserializeAsync<FaultOptions>(context.Request.Body, ControlJson, context.RequestAborted);
            }
            catch (JsonException e)
            {
                return Results.BadRequest(new { message = "Body must be a FaultOptions JSON object: " + e.Message });
            }

            if (faults is null) return Results.BadRequest(new { message = "Body must be a FaultOptions JSON object" });
            state.Faults.CopyFrom(faults);
            return Results.Json(state.Faults, ControlJson);
        });
        control.MapGet("/requests", () => Results.Json(new
        {
            total = state.Requests.Total,
            byTemplate = state.Requests.ByTemplate,
            byStatus = state.Requests.ByStatus.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value),
        }, ControlJson));
    }

    public static readonly JsonSerializerOptions ControlJson = new(JsonSerializerDefaults.Web);

    private static byte[] MinimalPdf(string text)
    {
        var safe = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
        var ascii = new string(safe.Select(c => c < 128 ? c : '?').ToArray());
        var stream = $"BT /F1 12 Tf 50 780 Td ({ascii}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}

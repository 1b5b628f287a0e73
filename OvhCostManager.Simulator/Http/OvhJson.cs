using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator.Http;

/// <summary>OVH's JSON shapes for prices, dates and error bodies.</summary>
internal static class OvhJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = null };

    public static object OrderPrice(Money amount, string currency = "EUR") => new
    {
        currencyCode = currency,
        priceInUcents = amount.Ucents,
        text = Text(amount.Amount, currency),
        value = (double)amount.Amount,
    };

    public static object LongPrice(decimal value, string currency = "EUR") => new
    {
        currencyCode = currency,
        text = Text(value, currency),
        value = (double)value,
    };

    public static object ConsumptionPrice(Money amount, string currency = "EUR") => new
    {
        currencyCode = currency,
        text = Text(amount.Amount, currency),
        value = (double)amount.Amount,
        valueInUcents = amount.Ucents,
    };

    public static string Text(decimal value, string currency) =>
        value.ToString(decimal.Round(value, 2) == value ? "0.00" : "0.00######", CultureInfo.InvariantCulture) + (currency == "EUR" ? " €" : " " + currency);

    public static string Date(DateTimeOffset instant) => ParisTime.DateTime(instant);

    public static string Day(DateOnly date) => ParisTime.Date(date);

    public static string? Day(DateOnly? date) => date is { } d ? ParisTime.Date(d) : null;

    public static IResult Json(object? value, int status = 200) => Results.Json(value, Options, statusCode: status);

    public static IResult NotFound(string message) => Json(new { @class = "Client::NotFound", message }, 404);

    public static IResult BadRequest(string message) => Json(new { @class = "Client::BadRequest", message }, 400);

    public static Task Write(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(body, Options);
    }

    public static object AuthError(string errorCode, int status, string message) => new
    {
        errorCode,
        httpCode = status switch { 400 => "400 Bad Request", 401 => "401 Unauthorized", 403 => "403 Forbidden", _ => status.ToString(CultureInfo.InvariantCulture) },
        message,
    };

    /// <summary>Parses an OVH datetime query value; null when absent.</summary>
    public static bool TryParseDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}

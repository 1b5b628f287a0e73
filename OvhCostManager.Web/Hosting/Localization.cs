using System.Globalization;
using Microsoft.AspNetCore.Localization;
using OvhCostManager.Web.Hosting;

namespace OvhCostManager.Web;

/// <summary>French by default, English on request; the choice is kept in the culture cookie.</summary>
public static class Localization
{
    public static readonly string[] SupportedCultures = ["fr", "en"];
    public const string DefaultCulture = "fr";

    /// <summary>
    /// The language comes from the cookie; English writes numbers and dates as the account's region does: en-GB
    /// (day first) for a European account, en-US or en-CA for an <c>ovh-us</c> or <c>ovh-ca</c> one.
    /// </summary>
    public static RequestLocalizationOptions CreateOptions(string? ovhEndpoint)
    {
        var english = EnglishFormats(ovhEndpoint);
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(DefaultCulture)
            .AddSupportedCultures(DefaultCulture, english)
            .AddSupportedUICultures(SupportedCultures);
        // Only the cookie counts: a browser's Accept-Language must not override the product's French default.
        var cookie = new CookieRequestCultureProvider();
        options.RequestCultureProviders =
        [
            new CustomRequestCultureProvider(async http =>
                await cookie.DetermineProviderCultureResult(http) is { } chosen && chosen.UICultures.FirstOrDefault().Value == "en"
                    ? new ProviderCultureResult(english, "en")
                    : null),
        ];
        return options;
    }

    public static string EnglishFormats(string? ovhEndpoint) => ovhEndpoint switch
    {
        "ovh-us" => "en-US",
        "ovh-ca" => "en-CA",
        _ => "en-GB",
    };

    /// <summary><c>GET /culture?name=en&amp;returnUrl=/trends</c>: stores the choice, then goes back (local URLs only).</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture", (HttpContext http, string? name, string? returnUrl) =>
        {
            if (name is null || !SupportedCultures.Contains(name))
            {
                return Results.BadRequest(new { error = $"Unknown culture '{name}'. Use one of: {string.Join(", ", SupportedCultures)}." });
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(name))),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        });
        return endpoints;
    }
}

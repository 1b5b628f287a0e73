using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace OvhCostManager.Web;

/// <summary>French by default, English on request; the choice is kept in the culture cookie.</summary>
public static class Localization
{
    public static readonly string[] SupportedCultures = ["fr", "en"];
    public const string DefaultCulture = "fr";

    public static RequestLocalizationOptions CreateOptions()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(DefaultCulture)
            .AddSupportedCultures(SupportedCultures)
            .AddSupportedUICultures(SupportedCultures);
        // Only the cookie counts: a browser's Accept-Language must not override the product's French default.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

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
            return Results.LocalRedirect(IsLocalUrl(returnUrl) ? returnUrl! : "/");
        });
        return endpoints;
    }

    /// <summary>A path on this site: starts with one slash, no scheme, no <c>//</c> or <c>/\</c> tricks.</summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains("://", StringComparison.Ordinal);
}

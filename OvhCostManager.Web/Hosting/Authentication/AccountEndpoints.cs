using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>
/// <c>/account/login</c>, <c>/account/logout</c> and the small pages around them. Plain server-rendered HTML:
/// they must work without the Blazor circuit, which itself needs a signed-in user.
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<OidcProviderStatus>() is null)
        {
            return endpoints;
        }

        var account = endpoints.MapGroup("/account").AllowAnonymous().RequireRateLimiting(RateLimiting.PolicyName);

        account.MapGet("/login", (HttpContext http, string? returnUrl) =>
        {
            var target = LocalUrl.OrRoot(returnUrl);
            return http.User.Identity?.IsAuthenticated == true
                ? Results.LocalRedirect(target)
                : Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [OidcAuthentication.OidcScheme]);
        });

        account.MapGet("/logout", (HttpContext http, IAntiforgery antiforgery, IStringLocalizer<SharedResource> l) =>
            http.User.Identity?.IsAuthenticated == true
                ? Page(l["SignOutTitle"], l["SignOutQuestion"], SignOutForm(http, antiforgery, l))
                : Results.LocalRedirect(SignedOutPath(http)));

        account.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, OidcProviderStatus provider, IOptions<OidcOptions> oidc) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest(new { error = "The sign-out form expired or did not come from this site; reload the page and sign out again." });
            }

            var session = await http.AuthenticateAsync(OidcAuthentication.CookieScheme);
            var idToken = session.Properties?.GetTokenValue(OidcAuthentication.IdTokenName);
            await http.SignOutAsync(OidcAuthentication.CookieScheme);

            var signedOut = $"{http.Request.Scheme}://{http.Request.Host}{SignedOutPath(http)}";
            if (provider.EndSessionEndpoint is not { } endSession)
            {
                return Results.LocalRedirect(SignedOutPath(http));
            }

            var parameters = new Dictionary<string, string?> { ["post_logout_redirect_uri"] = signedOut, ["client_id"] = oidc.Value.ClientId };
            if (idToken is not null)
            {
                parameters["id_token_hint"] = idToken;
            }

            return Results.Redirect(QueryHelpers.AddQueryString(endSession, parameters));
        });

        account.MapGet("/signed-out", (IStringLocalizer<SharedResource> l) =>
            Page(l["SignedOutTitle"], l["SignedOutText"], Link(LoginPath, l["SignInAgain"])));

        account.MapGet("/failed", (IStringLocalizer<SharedResource> l) =>
            Page(l["SignInFailedTitle"], l["SignInFailedText"], Link(LoginPath, l["SignInAgain"]), StatusCodes.Status401Unauthorized));

        account.MapGet("/denied", (HttpContext http, IAntiforgery antiforgery, IStringLocalizer<SharedResource> l) =>
            Page(l["AccessDeniedTitle"], l["AccessDeniedText", http.User.Identity?.Name ?? "?"],
                http.User.Identity?.IsAuthenticated == true ? SignOutForm(http, antiforgery, l) : Link(LoginPath, l["SignInAgain"]),
                StatusCodes.Status403Forbidden));

        return endpoints;
    }

    /// <summary>A minimal page in the site's style, for the account flow and the fail-closed gate.</summary>
    public static IResult Page(string title, string text, string actionHtml = "", int statusCode = StatusCodes.Status200OK)
    {
        var e = HtmlEncoder.Default;
        var lang = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var html = $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{e.Encode(title)}</title><link rel="icon" type="image/svg+xml" href="{ProductMark.Favicon}" /><link rel="stylesheet" href="/css/app.css" /></head>
            <body class="ocm-account"><main class="ocm-account-card"><h1>{e.Encode(title)}</h1><p role="status">{e.Encode(text)}</p>{actionHtml}</main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }

    private static string SignOutForm(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<SharedResource> l)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var e = HtmlEncoder.Default;
        return $"""<form method="post" action="{LogoutPath}"><input type="hidden" name="{e.Encode(tokens.FormFieldName)}" value="{e.Encode(tokens.RequestToken ?? "")}" /><button type="submit" class="ocm-signout">{e.Encode(l["SignOut"])}</button></form>""";
    }

    private static string Link(string href, string text) => $"""<p><a href="{HtmlEncoder.Default.Encode(href)}">{HtmlEncoder.Default.Encode(text)}</a></p>""";

    private static string SignedOutPath(HttpContext http) =>
        http.Request.PathBase + http.RequestServices.GetRequiredService<IOptions<OidcOptions>>().Value.SignedOutPath;
}

using Microsoft.Extensions.Options;
using OvhCostManager.Web.Hosting.Authentication;

namespace OvhCostManager.Web;

/// <summary>Headers sent with every response, whatever produced it (pages, downloads, errors, the 503 gate).</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Blazor Server needs only same-origin scripts and its WebSocket ('self' covers ws/wss on the same host);
    /// MudBlazor and Blazor's reconnect dialog set inline styles, hence 'unsafe-inline' for styles only.
    /// A sign-out form redirects to the OIDC provider, which Chromium checks against form-action.
    /// </summary>
    public static string ContentSecurityPolicy(string? oidcAuthority)
    {
        var formAction = "'self'";
        if (Uri.TryCreate(oidcAuthority, UriKind.Absolute, out var authority))
        {
            formAction += " " + authority.GetLeftPart(UriPartial.Authority);
        }

        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'",
            "form-action " + formAction);
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var oidc = app.ApplicationServices.GetRequiredService<IOptions<OidcOptions>>().Value;
        var policy = ContentSecurityPolicy(oidc.Enabled ? oidc.Authority : null);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}

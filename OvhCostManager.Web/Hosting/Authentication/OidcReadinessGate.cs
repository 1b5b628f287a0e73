using Microsoft.Extensions.Localization;

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>
/// Fail closed: while OIDC is enabled but its provider has not been discovered, every request except <c>/health</c>
/// gets a 503 naming the problem — never the dashboard without a login. The 503 page's own stylesheet passes too.
/// </summary>
public static class OidcReadinessGate
{
    public static IApplicationBuilder UseOidcReadinessGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var provider = context.RequestServices.GetService<OidcProviderStatus>();
            if (provider is null || context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/css") || await provider.EnsureReadyAsync(context.RequestAborted))
            {
                await next(context);
                return;
            }

            context.Response.Headers.RetryAfter = "30";
            if (OidcAuthentication.IsMachinePath(context.Request.Path))
            {
                await Results.Json(new { error = provider.Problem }, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
                return;
            }

            var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await AccountEndpoints.Page(l["OidcUnavailableTitle"], provider.Problem ?? string.Empty, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
        });
}

using Microsoft.AspNetCore.Diagnostics;

namespace OvhCostManager.Web;

public static class NotFoundFallback
{
    public const string Path = "/not-found";

    /// <summary>
    /// A path no page answers gets the app's own not-found page (still a 404). Only a 404: a 401 for a
    /// script, a 400 naming a bad parameter or a 429 keep their own status and body.
    /// </summary>
    public static IApplicationBuilder UseNotFoundFallback(this IApplicationBuilder app)
    {
        app.UseStatusCodePagesWithReExecute(Path, createScopeForStatusCodePages: true);
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode != StatusCodes.Status404NotFound
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
        });
    }
}

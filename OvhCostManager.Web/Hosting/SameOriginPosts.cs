namespace OvhCostManager.Web.Hosting;

/// <summary>
/// Refuses a state-changing request (anything but GET, HEAD, OPTIONS) that a browser sent from another site: its
/// <c>Sec-Fetch-Site</c> says cross-site, or its <c>Origin</c> is not this host. Scripts and the CLI send neither
/// header and are not refused; with OIDC off this is what stops a page elsewhere from starting syncs.
/// </summary>
public static class SameOriginPosts
{
    public static TBuilder RequireSameOrigin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            IsCrossSite(context.HttpContext.Request)
                ? Results.Json(new { error = "Cross-site request refused: send it from the dashboard itself." }, statusCode: StatusCodes.Status403Forbidden)
                : await next(context));

    public static bool IsCrossSite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return false;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                 && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
                 && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase));
    }
}

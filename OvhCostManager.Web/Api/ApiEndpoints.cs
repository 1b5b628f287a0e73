using System.Security.Claims;
using Microsoft.Extensions.Options;
using OvhCostManager.Web.Hosting;
using OvhCostManager.Web.Hosting.Authentication;

namespace OvhCostManager.Web.Api;

/// <summary>
/// JSON under <c>/api</c>: rate limited, cross-site posts refused, 401 (never a login page) when OIDC is on and nobody is signed in.
/// Add new JSON endpoints to the group returned by <see cref="MapApi"/>.
/// </summary>
public static class ApiEndpoints
{
    public sealed record CurrentUser(bool AuthenticationEnabled, string? Name, string? Email);

    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireRateLimiting(RateLimiting.PolicyName).RequireSameOrigin();
        api.MapGet("/me", (ClaimsPrincipal user, IOptions<OidcOptions> oidc) =>
            new CurrentUser(oidc.Value.Enabled, user.Identity?.IsAuthenticated == true ? user.Identity.Name : null, user.FindFirstValue(OidcAccess.EmailClaimType)));
        return api;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>
/// The user of a circuit, as the server knows them: who reads alerts (their subject, or one shared reader without
/// sign-in) and whether they may edit budgets. Components ask it before every save, so hiding a button is never the
/// only guard.
/// </summary>
public sealed class DashboardUser(AuthenticationStateProvider authentication, IOptions<OidcOptions> oidc)
{
    /// <summary>Without sign-in, everyone who reaches the app is this one reader.</summary>
    public const string AnonymousReader = "";

    public async Task<bool> CanEditBudgetsAsync() => CanEditBudgets(await UserAsync(), oidc.Value);

    public async Task<string> ReaderAsync()
    {
        if (!oidc.Value.Enabled)
        {
            return AnonymousReader;
        }

        var user = await UserAsync();
        return user.FindFirstValue(OidcAccess.SubjectClaimType) ?? user.Identity?.Name ?? AnonymousReader;
    }

    /// <summary>The name written next to a saved budget; null without sign-in.</summary>
    public async Task<string?> NameAsync() => oidc.Value.Enabled ? (await UserAsync()).Identity?.Name : null;

    /// <summary>Without OIDC anyone who reaches the app edits; with it, members of <see cref="OidcOptions.AdminGroup"/> (every signed-in user when unset).</summary>
    public static bool CanEditBudgets(ClaimsPrincipal user, OidcOptions options) =>
        !options.Enabled
        || (user.Identity?.IsAuthenticated == true && (string.IsNullOrWhiteSpace(options.AdminGroup) || user.HasClaim(options.GroupClaim, options.AdminGroup)));

    private async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;
}

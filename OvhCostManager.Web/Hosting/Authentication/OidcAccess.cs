using System.Security.Claims;

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>Who may use the dashboard once signed in: everyone, or the listed users, or members of one group.</summary>
public static class OidcAccess
{
    public const string GroupClaimType = "groups";
    public const string SubjectClaimType = "sub";

    public static bool IsAllowed(ClaimsPrincipal user, OidcOptions options)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var allowed = options.AllowedUserList;
        if (allowed.Count > 0)
        {
            var email = user.FindFirstValue(ClaimTypes.Email);
            var subject = user.FindFirstValue(SubjectClaimType);
            if (!allowed.Any(a => string.Equals(a, email, StringComparison.OrdinalIgnoreCase) || string.Equals(a, subject, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return string.IsNullOrWhiteSpace(options.RequiredGroup) || user.HasClaim(GroupClaimType, options.RequiredGroup);
    }
}

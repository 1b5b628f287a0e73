using System.Security.Claims;

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>
/// Who may use the dashboard once signed in: everyone, or the listed users, or members of one group. Claims keep the
/// provider's names (<c>sub</c>, <c>email</c>, <see cref="OidcOptions.GroupClaim"/>).
/// </summary>
public static class OidcAccess
{
    public const string SubjectClaimType = "sub";
    public const string EmailClaimType = "email";

    public static bool IsAllowed(ClaimsPrincipal user, OidcOptions options)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var allowed = options.AllowedUserList;
        if (allowed.Count > 0)
        {
            var email = user.FindFirstValue(EmailClaimType);
            var subject = user.FindFirstValue(SubjectClaimType);
            if (!allowed.Any(a => string.Equals(a, email, StringComparison.OrdinalIgnoreCase) || string.Equals(a, subject, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return string.IsNullOrWhiteSpace(options.RequiredGroup) || user.HasClaim(options.GroupClaim, options.RequiredGroup);
    }
}

using System.Security.Claims;
using OvhCostManager.Web.Hosting.Authentication;

namespace OvhCostManager.Tests.Unit.Authentication;

public sealed class OidcAccessTests
{
    private static ClaimsPrincipal Alice(bool authenticated = true) => new(new ClaimsIdentity(
        [new Claim("sub", "alice-sub"), new Claim("email", "Alice@Example.test"), new Claim("groups", "finance"), new Claim("groups", "ops")],
        authenticated ? "test" : null));

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("alice@example.test", null, true)]
    [InlineData("bob@example.test; alice-sub", null, true)]
    [InlineData("bob@example.test", null, false)]
    [InlineData(null, "ops", true)]
    [InlineData(null, "admins", false)]
    [InlineData("alice@example.test", "admins", false)]
    public void Access_follows_the_allowed_users_and_the_required_group(string? allowedUsers, string? requiredGroup, bool allowed)
    {
        var options = new OidcOptions { AllowedUsers = allowedUsers, RequiredGroup = requiredGroup };

        Assert.Equal(allowed, OidcAccess.IsAllowed(Alice(), options));
    }

    [Fact]
    public void An_anonymous_user_is_never_allowed()
    {
        Assert.False(OidcAccess.IsAllowed(Alice(authenticated: false), new OidcOptions()));
    }
}

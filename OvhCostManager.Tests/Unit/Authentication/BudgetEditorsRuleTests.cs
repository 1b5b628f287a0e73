using System.Security.Claims;
using OvhCostManager.Web.Hosting.Authentication;

namespace OvhCostManager.Tests.Unit.Authentication;

public sealed class BudgetEditorsRuleTests
{
    private static ClaimsPrincipal User(string claimType, params string[] groups) => new(new ClaimsIdentity(
        [new Claim("sub", "u-1"), .. groups.Select(g => new Claim(claimType, g))], "test"));

    [Theory]
    [InlineData(false, null, true)]
    [InlineData(true, null, true)]
    [InlineData(true, "finance", true)]
    [InlineData(true, "admins", false)]
    public void Members_of_the_admin_group_edit_and_without_sign_in_everyone_does(bool oidc, string? adminGroup, bool canEdit)
    {
        var options = new OidcOptions { Enabled = oidc, AdminGroup = adminGroup };
        Assert.Equal(canEdit, DashboardUser.CanEditBudgets(User("groups", "finance", "ops"), options));
    }

    [Fact]
    public void The_group_is_read_from_the_configured_claim_type()
    {
        var options = new OidcOptions { Enabled = true, AdminGroup = "finance", GroupClaim = "roles" };
        Assert.False(DashboardUser.CanEditBudgets(User("groups", "finance"), options));
        Assert.True(DashboardUser.CanEditBudgets(User("roles", "finance"), options));
    }

    [Fact]
    public void An_anonymous_user_never_edits_once_sign_in_is_on()
    {
        Assert.False(DashboardUser.CanEditBudgets(new ClaimsPrincipal(new ClaimsIdentity()), new OidcOptions { Enabled = true }));
    }
}

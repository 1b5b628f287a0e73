using Microsoft.AspNetCore.Http;
using OvhCostManager.Web.Hosting.Authentication;

namespace OvhCostManager.Tests.Unit.Authentication;

public sealed class HostPrefixCookieManagerTests
{
    [Fact]
    public void Over_https_the_session_cookie_is_named_Host_and_is_secure_host_only_and_site_wide()
    {
        var context = new DefaultHttpContext();
        context.Request.IsHttps = true;

        new HostPrefixCookieManager().AppendResponseCookie(context, "ocm.session", "ticket",
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/app", Domain = "example.test" });

        var setCookie = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith("__Host-ocm.session=ticket", setCookie);
        Assert.Contains("secure", setCookie);
        Assert.Contains("path=/;", setCookie + ";");
        Assert.DoesNotContain("domain", setCookie);
        Assert.Contains("httponly", setCookie);
        Assert.Contains("samesite=lax", setCookie);
    }

    [Fact]
    public void Over_plain_http_the_cookie_keeps_its_bare_name_and_is_read_back_under_it()
    {
        var manager = new HostPrefixCookieManager();
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = "ocm.session=plain; __Host-ocm.session=prefixed";

        Assert.Equal("plain", manager.GetRequestCookie(context, "ocm.session"));
        context.Request.IsHttps = true;
        Assert.Equal("prefixed", manager.GetRequestCookie(context, "ocm.session"));
    }
}

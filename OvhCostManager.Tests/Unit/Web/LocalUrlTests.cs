using OvhCostManager.Web.Hosting;

namespace OvhCostManager.Tests.Unit.Web;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/trends")]
    [InlineData("/overview?month=2026-10&lens=incurred")]
    [InlineData("/compare?a=2026-09%26b")]
    public void A_path_of_this_site_is_kept(string url) => Assert.Equal(url, LocalUrl.OrRoot(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("trends")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("/%252F%252Fevil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/redirect?to=https://evil.example")]
    public void Anything_that_could_leave_the_site_becomes_the_root(string? url) => Assert.Equal("/", LocalUrl.OrRoot(url));
}

using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Hardening;

[Collection(HardeningCollection.Name)]
public sealed class CredentialLeakTests(HardeningFixture fixture)
{
    [Fact]
    public async Task Ovh_credentials_never_reach_a_page_a_download_or_the_logs()
    {
        using var client = fixture.App.CreateClient();
        var bodies = new List<string>();
        foreach (var path in new[] { "/", "/overview", "/compare", "/trends", "/inventory", "/payg", "/health", "/api/me", "/export/sync-runs.csv", "/no-such-page", "/culture?name=xx" })
        {
            using var response = await client.GetAsync(path);
            bodies.Add(path + "\n" + string.Join('\n', response.Headers.Select(h => h.Key + ": " + string.Join(',', h.Value))) + "\n" + await response.Content.ReadAsStringAsync());
        }

        await Task.Delay(500);
        var everything = string.Join('\n', bodies) + "\n" + fixture.App.Output;
        Assert.Contains("/trends", everything);
        foreach (var secret in new[] { HardeningFixture.ApplicationKey, HardeningFixture.ApplicationSecret, HardeningFixture.ConsumerKey })
        {
            Assert.DoesNotContain(secret, everything);
        }
    }
}

using System.Text;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Hardening;

[Collection(HardeningCollection.Name)]
public sealed class CredentialLeakTests(HardeningFixture fixture)
{
    [Fact]
    public async Task Ovh_credentials_never_reach_a_page_a_download_the_logs_or_the_store()
    {
        using var client = fixture.App.CreateClient();
        var responses = new Dictionary<string, string>();
        foreach (var path in new[] { "/", "/overview", "/compare", "/trends", "/inventory", "/payg", "/health", "/api/me", "/export/sync-runs.csv", "/no-such-page", "/culture?name=xx" })
        {
            using var response = await client.GetAsync(path);
            responses[path] = string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => h.Key + ": " + string.Join(',', h.Value)))
                              + "\n" + await response.Content.ReadAsStringAsync();
        }

        await Task.Delay(500);
        var logs = fixture.App.Output;
        var store = ReadStore();

        // What is searched must be the app's own output: the pages it rendered, the log of its start-up sync against
        // OVH (where signed requests happen) and the store it wrote.
        Assert.Contains("data-page=\"trends\"", responses["/trends"]);
        Assert.Contains("OVH GET /auth/time", logs);
        Assert.Contains("Europe/Paris", store);
        foreach (var secret in new[] { HardeningFixture.ApplicationKey, HardeningFixture.ApplicationSecret, HardeningFixture.ConsumerKey })
        {
            Assert.All(responses, r => Assert.DoesNotContain(secret, r.Value));
            Assert.DoesNotContain(secret, logs);
            Assert.DoesNotContain(secret, store);
        }
    }

    /// <summary>The SQLite files as they are on disk, write-ahead log included, read while the app holds them open.</summary>
    private string ReadStore()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(fixture.DataDirectory, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            text.Append(file).Append('\n').Append(reader.ReadToEnd()).Append('\n');
        }

        return text.ToString();
    }
}

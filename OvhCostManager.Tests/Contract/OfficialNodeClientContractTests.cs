using System.Text.Json;
using System.Text.Json.Nodes;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Contract;

/// <summary>
/// OVH's official Node client (npm <c>ovh</c> 2.0.3, pinned by <c>Contract/OfficialNodeClient/package-lock.json</c>)
/// against the simulator over HTTPS. The client signs <c>https://&lt;host&gt;&lt;path&gt;</c> without the port, so the
/// simulator's public base URL is that; the error bodies are compared with OVH's own (<c>Fixtures/ovh/errors/</c>).
/// </summary>
public sealed class OfficialNodeClientContractTests : IAsyncLifetime
{
    private static readonly string ClientFolder = Path.Combine(RepositoryPaths.Root, "OvhCostManager.Tests", "Contract", "OfficialNodeClient");
    private readonly TempDirectory folder = new();
    private SimulatorServer sim = null!;
    private string certificateFile = null!;

    public async Task InitializeAsync()
    {
        if (!Directory.Exists(Path.Combine(ClientFolder, "node_modules", "ovh")))
        {
            throw new InvalidOperationException($"{ClientFolder}/node_modules is missing: run ./test.sh, which runs `npm ci` there.");
        }

        sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Size = AccountSize.Small,
            Clock = SimulatorClock.Frozen(ImportedAccountFixture.Now),
            PublicBaseUrl = new Uri("https://127.0.0.1/1.0"),
        });
        certificateFile = Path.Combine(folder.Path, "simulator.pem");
        await File.WriteAllTextAsync(certificateFile, sim.CertificatePem);
    }

    public async Task DisposeAsync()
    {
        await sim.DisposeAsync();
        folder.Dispose();
    }

    private async Task<(int Status, JsonNode? Body)> CallAsync(string path, string? applicationKey = null, string? applicationSecret = null, string? consumerKey = null)
    {
        var credentials = sim.Credentials;
        var arguments = string.Join(' ', "call.js", "127.0.0.1", sim.BaseUrl.Port, applicationKey ?? credentials.ApplicationKey,
            applicationSecret ?? credentials.ApplicationSecret, consumerKey ?? credentials.ConsumerKey, path);
        var (exitCode, output) = await PublishedApp.RunAsync("node", arguments, ClientFolder, TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["NODE_EXTRA_CA_CERTS"] = certificateFile });
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith('{'));
        Assert.True(exitCode == 0 && line is not null, $"node {arguments} exited {exitCode}:\n{output}");
        var answer = JsonNode.Parse(line)!;
        return (answer["status"]!.GetValue<int>(), answer["body"]);
    }

    private static JsonNode Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ovh", "errors", name)))!;

    private static int StatusOf(JsonNode fixture) => int.Parse(fixture["httpCode"]!.GetValue<string>().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_correctly_signed_GET_me_bill_returns_the_simulated_bill_ids()
    {
        var (status, body) = await CallAsync("/me/bill");

        Assert.Equal(200, status);
        var ids = body!.AsArray().Select(id => id!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(sim.GroundTruth.Bills.Keys.Order(StringComparer.Ordinal), ids);
        Assert.NotEmpty(ids);
    }

    [Fact]
    public async Task A_wrong_application_secret_is_refused_with_OVHs_invalid_signature_body()
    {
        var expected = Fixture("400-invalid-signature.json");

        var (status, body) = await CallAsync("/me/bill", applicationSecret: "not-the-secret");

        Assert.Equal(StatusOf(expected), status);
        Assert.True(JsonNode.DeepEquals(expected, body), $"expected {expected.ToJsonString()}, got {body?.ToJsonString()}");
    }

    [Fact]
    public async Task An_unknown_consumer_key_is_refused_with_OVHs_invalid_credential_body()
    {
        var expected = Fixture("403-invalid-credential.json");

        var (status, body) = await CallAsync("/me/bill", consumerKey: "revoked-consumer-key");

        Assert.Equal(StatusOf(expected), status);
        Assert.True(JsonNode.DeepEquals(expected, body), $"expected {expected.ToJsonString()}, got {body?.ToJsonString()}");
    }

    [Fact]
    public async Task A_wrong_application_key_is_refused_as_an_authentication_error_of_OVHs_403_shape()
    {
        // The pack has no captured body for an unknown application key: its README (§6) names the code INVALID_KEY
        // among the 403 authentication errors, whose shape and status the invalid-credential body shows.
        var shape = Fixture("403-invalid-credential.json");

        var (status, body) = await CallAsync("/me/bill", applicationKey: "someone-elses-application");

        Assert.Equal(StatusOf(shape), status);
        Assert.Equal(shape.AsObject().Select(p => p.Key).Order(), body!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(shape["httpCode"]!.GetValue<string>(), body["httpCode"]!.GetValue<string>());
        Assert.Equal("INVALID_KEY", body["errorCode"]!.GetValue<string>());
    }
}

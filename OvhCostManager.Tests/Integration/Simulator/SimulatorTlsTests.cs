using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Simulator;

/// <summary>The simulator speaks HTTPS as OVH does; the app's client trusts its certificate only when told to, and only that one.</summary>
public sealed class SimulatorTlsTests : IAsyncLifetime
{
    private SimulatorServer sim = null!;

    public async Task InitializeAsync() => sim = await SimulatorTestClock.StartSmallAsync();

    public async Task DisposeAsync() => await sim.DisposeAsync();

    private ServiceProvider Client(IDictionary<string, string?> trust)
    {
        var settings = new Dictionary<string, string?>(sim.ClientSettings) { ["Ovh:TrustedCertificateThumbprint"] = null, ["Ovh:MaxRetries"] = "0" };
        foreach (var (key, value) in trust) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(sim.Clock).AddOvhApi(configuration).BuildServiceProvider();
    }

    [Fact]
    public void The_simulator_serves_https_with_a_self_signed_certificate_for_localhost_and_127_0_0_1()
    {
        Assert.Equal("https", sim.BaseUrl.Scheme);
        var certificate = sim.Certificate!;
        Assert.Equal(certificate.Subject, certificate.Issuer);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("localhost", names.EnumerateDnsNames());
        Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", sim.CertificatePem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_trusted_certificate_the_client_refuses_the_self_signed_simulator()
    {
        await using var services = Client(new Dictionary<string, string?>());
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<IOvhApi>().GetMeAsync());
        Assert.Contains("SSL", failure.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_client_reaches_the_simulator_through_its_certificate_file()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "simulator.pem");
        await File.WriteAllTextAsync(file, sim.CertificatePem);
        await using var services = Client(new Dictionary<string, string?> { ["Ovh:TrustedCertificateFile"] = file });

        var me = await services.GetRequiredService<IOvhApi>().GetMeAsync();

        Assert.Equal(sim.Account.Nichandle, me.Nichandle);
    }

    [Fact]
    public async Task A_pinned_certificate_other_than_the_one_served_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=OVH API simulator", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var other = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        await using var services = Client(new Dictionary<string, string?> { ["Ovh:TrustedCertificateThumbprint"] = OvhTrustedCertificate.Of(other).Thumbprint });

        await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<IOvhApi>().GetMeAsync());
    }

    [Fact]
    public async Task The_pinned_certificate_is_refused_for_a_host_name_it_was_not_issued_for()
    {
        var thumbprint = OvhTrustedCertificate.Of(sim.Certificate!).Thumbprint;
        await using var services = Client(new Dictionary<string, string?>
        {
            ["Ovh:TrustedCertificateThumbprint"] = thumbprint,
            // 127.0.0.2 is loopback too on Linux, but the certificate names only localhost, 127.0.0.1 and ::1.
            ["Ovh:BaseUrl"] = sim.BaseUrl.ToString().Replace("127.0.0.1", "127.0.0.2", StringComparison.Ordinal),
        });

        await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<IOvhApi>().GetMeAsync());
    }
}

/// <summary>Signatures are checked against the simulator's public base URL, as OVH checks them against its own endpoint.</summary>
public sealed class SimulatorPublicBaseUrlTests
{
    [Fact]
    public async Task Behind_a_public_base_url_a_request_signed_for_that_url_is_accepted_and_one_signed_for_the_connection_is_not()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Size = AccountSize.Small, Clock = SimulatorClock.Frozen(SimulatorTestClock.June18), PublicBaseUrl = new Uri("https://ovh.example.test/1.0"),
        });
        using var client = new SignedOvhClient(sim);

        using var signedForPublic = await client.SendAsync(client.Request("/me/bill?date.from=2025-06-01", signUrl: "https://ovh.example.test/1.0/me/bill?date.from=2025-06-01"));
        using var signedForConnection = await client.SendAsync(client.Request("/me/bill?date.from=2025-06-01"));

        Assert.Equal(HttpStatusCode.OK, signedForPublic.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signedForConnection.StatusCode);
        Assert.Equal(new Uri("https://ovh.example.test/1.0"), sim.PublicBaseUrl);
    }

    [Fact]
    public async Task Over_plain_http_when_asked_the_simulator_checks_signatures_against_its_http_address()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Size = AccountSize.Small, Clock = SimulatorClock.Frozen(SimulatorTestClock.June18), UseHttps = false,
        });
        using var client = new SignedOvhClient(sim);

        using var response = await client.GetAsync("/me");

        Assert.Equal("http", sim.BaseUrl.Scheme);
        Assert.Null(sim.Certificate);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

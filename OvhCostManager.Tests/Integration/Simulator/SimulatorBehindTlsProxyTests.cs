using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Integration.Simulator;

/// <summary>
/// A TLS-terminating proxy in front of a plain-HTTP simulator: the client signs the proxy's URL, the simulator sees
/// another scheme, host and port, and accepts the signature because it checks it against its public base URL.
/// </summary>
public sealed class SimulatorBehindTlsProxyTests
{
    [Fact]
    public async Task The_app_imports_through_a_tls_proxy_when_the_simulator_knows_its_public_url()
    {
        await using var proxy = await TlsProxy.StartAsync();
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Size = AccountSize.Small, Clock = SimulatorClock.Frozen(SimulatorTestClock.June18), UseHttps = false, PublicBaseUrl = proxy.BaseUrl,
        });
        proxy.Target = sim.Root;
        await using var client = Client(sim, proxy);

        var bills = await client.GetRequiredService<IOvhApi>().ListBillsAsync(DateTimeOffset.UnixEpoch, SimulatorTestClock.June18);

        Assert.Equal(sim.GroundTruth.Counts.Bills, bills.Count);
        Assert.True(sim.Requests.Total > 0);
    }

    [Fact]
    public async Task Without_its_public_url_the_simulator_refuses_what_the_proxy_forwards_as_OVH_would_a_wrong_signature()
    {
        await using var proxy = await TlsProxy.StartAsync();
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Size = AccountSize.Small, Clock = SimulatorClock.Frozen(SimulatorTestClock.June18), UseHttps = false,
        });
        proxy.Target = sim.Root;
        await using var client = Client(sim, proxy);

        var failure = await Assert.ThrowsAsync<OvhApiException>(() => client.GetRequiredService<IOvhApi>().GetMeAsync());

        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.True(sim.Requests.ForStatus(400) > 0);
    }

    private static ServiceProvider Client(SimulatorServer sim, TlsProxy proxy)
    {
        var settings = new Dictionary<string, string?>(sim.ClientSettings)
        {
            ["Ovh:BaseUrl"] = proxy.BaseUrl.ToString(),
            ["Ovh:TrustedCertificateThumbprint"] = proxy.Thumbprint,
            ["Ovh:MaxRetries"] = "0",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(sim.Clock).AddOvhApi(configuration).BuildServiceProvider();
    }

    /// <summary>HTTPS on a loopback port, forwarding each request as sent (path and query untouched) to <see cref="Target"/> over HTTP.</summary>
    private sealed class TlsProxy : IAsyncDisposable
    {
        private static readonly string[] HopByHop = ["Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade"];
        private readonly WebApplication app;
        private readonly X509Certificate2 certificate;
        private readonly HttpClient upstream = new();

        private TlsProxy(WebApplication app, X509Certificate2 certificate, Uri root)
        {
            this.app = app;
            this.certificate = certificate;
            BaseUrl = new Uri(root, "1.0");
        }

        public Uri BaseUrl { get; }

        public Uri? Target { get; set; }

        public string Thumbprint => OvhTrustedCertificate.Of(certificate).Thumbprint;

        public static async Task<TlsProxy> StartAsync()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=TLS proxy", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            var certificate = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
            var app = builder.Build();
            TlsProxy? proxy = null;
            app.Run(context => proxy!.ForwardAsync(context));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            proxy = new TlsProxy(app, certificate, new Uri(address.TrimEnd('/') + "/"));
            return proxy;
        }

        private async Task ForwardAsync(HttpContext context)
        {
            var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(Target!, target.TrimStart('/')));
            foreach (var (name, values) in context.Request.Headers)
            {
                if (!HopByHop.Contains(name, StringComparer.OrdinalIgnoreCase)) request.Headers.TryAddWithoutValidation(name, values.ToArray());
            }

            using var response = await upstream.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(name, StringComparer.OrdinalIgnoreCase)) context.Response.Headers[name] = values.ToArray();
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }

        public async ValueTask DisposeAsync()
        {
            await app.DisposeAsync();
            upstream.Dispose();
            certificate.Dispose();
        }
    }
}

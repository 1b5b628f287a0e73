using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Simulator.Control;
using OvhCostManager.Simulator.Http;

namespace OvhCostManager.Simulator;

/// <summary>A running simulated OVH API (EU, <c>/1.0</c>) on a loopback port, over a generated account. Dispose to stop it.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SimulatorState state;

    private SimulatorServer(WebApplication app, SimulatorState state, Uri root, X509Certificate2? certificate, TimeSpan generationTime)
    {
        this.app = app;
        this.state = state;
        Root = root;
        BaseUrl = new Uri(root, "1.0");
        Certificate = certificate;
        GenerationTime = generationTime;
    }

    /// <summary>API root, e.g. <c>https://127.0.0.1:41234/1.0</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The base URL signatures are checked against (<see cref="SimulatorOptions.PublicBaseUrl"/>, by default <see cref="BaseUrl"/>).</summary>
    public Uri PublicBaseUrl => state.PublicBaseUrl;

    /// <summary>Server root (<c>https://127.0.0.1:41234/</c>): OAuth2 token URL and <c>/_simulator/</c> control routes live here.</summary>
    public Uri Root { get; }

    /// <summary>The self-signed certificate served over HTTPS; null over plain HTTP.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The certificate as PEM, e.g. for <c>Ovh:TrustedCertificateFile</c> or Node's <c>NODE_EXTRA_CA_CERTS</c>; null over plain HTTP.</summary>
    public string? CertificatePem => Certificate?.ExportCertificatePem();

    /// <summary>
    /// The settings that point the dashboard's OVH client at this simulator: base URL, the application key triple and,
    /// over HTTPS, the pinned certificate (<c>Ovh:TrustedCertificateThumbprint</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string?> ClientSettings => new Dictionary<string, string?>
    {
        ["Ovh:BaseUrl"] = BaseUrl.ToString(),
        ["Ovh:ApplicationKey"] = Credentials.ApplicationKey,
        ["Ovh:ApplicationSecret"] = Credentials.ApplicationSecret,
        ["Ovh:ConsumerKey"] = Credentials.ConsumerKey,
        ["Ovh:TrustedCertificateThumbprint"] = Certificate is null ? null : OvhTrustedCertificate.Of(Certificate).Thumbprint,
    };

    /// <summary>An HTTP client that trusts this simulator's certificate (and only it besides the system's authorities).</summary>
    public HttpClient CreateHttpClient() =>
        new(OvhTrustedCertificate.CreateHandler(Certificate is null ? null : OvhTrustedCertificate.Of(Certificate)), disposeHandler: true);

    /// <summary>The OAuth2 token endpoint (client id <c>sim-client-id</c>, secret <c>sim-client-secret</c>).</summary>
    public Uri TokenUrl => new(Root, "auth/oauth2/token");

    public SimulatorCredentials Credentials => SimulatorCredentials.Default;
    public SimulatedAccount Account => state.Account;
    public SimulatorClock Clock => state.Clock;
    public FaultOptions Faults => state.Faults;
    public RequestStatistics Requests => state.Requests;
    /// <summary>How long generating the account took.</summary>
    public TimeSpan GenerationTime { get; }

    /// <summary>Expected figures for what the API serves now (computed from <see cref="Account"/>).</summary>
    public GroundTruth GroundTruth => GroundTruth.Compute(state.Account, state.Clock.GetUtcNow());

    public static async Task<SimulatorServer> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        var clock = options.Clock switch
        {
            SimulatorClock c => c,
            null => new SimulatorClock(),
            var other => new SimulatorClock(other),
        };
        var watch = Stopwatch.StartNew();
        var account = new SimulatedAccount(options.Seed, options.EffectiveShape, clock);
        var generationTime = watch.Elapsed;
        var state = new SimulatorState(account, clock, options);
        var certificate = options.UseHttps ? SimulatorCertificate.Create() : null;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
        {
            if (certificate is not null) listen.UseHttps(certificate);
        }));
        builder.Services.AddRouting();
        var app = builder.Build();

        var gate = new OvhGate(state);
        app.Use(gate.CountAsync);
        app.UseRouting();
        app.Use(gate.GuardAsync);
        MeRoutes.Map(app, state);
        OrderRoutes.Map(app, state);
        ServiceConsumptionRoutes.Map(app, state);
        InventoryRoutes.Map(app, state);
        CloudRoutes.Map(app, state);
        CloudLeftoverRoutes.Map(app, state);
        OAuth2Endpoint.Map(app, state);
        ControlApi.Map(app, state, options.EnableControlApi);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var root = new Uri(address.TrimEnd('/') + "/");
        state.PublicBaseUrl = options.PublicBaseUrl ?? new Uri(root, "1.0");
        return new SimulatorServer(app, state, root, certificate, generationTime);
    }

    /// <summary>Computes a request signature the way OVH's clients do (for tests and tools).</summary>
    public static string Sign(string applicationSecret, string consumerKey, string method, string url, string body, long timestamp) =>
        OvhGate.Sign(applicationSecret, consumerKey, method, url, body, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Certificate?.Dispose();
    }
}

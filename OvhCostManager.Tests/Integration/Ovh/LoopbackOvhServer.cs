using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Tests.Integration.Ovh;

/// <summary>The default credentials of the OVH simulator (and of these tests).</summary>
public static class OvhTestCredentials
{
    public const string ApplicationKey = "sim-app-key";
    public const string ApplicationSecret = "sim-app-secret";
    public const string ConsumerKey = "sim-consumer-key";
    public const string ClientId = "sim-client-id";
    public const string ClientSecret = "sim-client-secret";
}

/// <summary>
/// A minimal OVH-like server on a real loopback port: answers <c>/1.0/auth/time</c>, checks signatures exactly as OVH
/// describes them (over the raw request target), issues OAuth2 tokens, and hands other paths to per-test routes.
/// </summary>
public sealed class LoopbackOvhServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _tokens = new();
    private int _inFlight;
    private int _maxInFlight;
    private int _tokenCount;

    private LoopbackOvhServer(WebApplication app) => _app = app;

    public string Root { get; private set; } = "";

    public string BaseUrl => Root + "/1.0";

    /// <summary>Added to the real clock for <c>/auth/time</c> and timestamp checks.</summary>
    public TimeSpan ClockOffset { get; set; }

    public TimeSpan AllowedSkew { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Routes by path under <c>/1.0</c> (no query).</summary>
    public ConcurrentDictionary<string, Func<HttpContext, Task>> Routes { get; } = new();

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int AuthTimeCalls => Received.Count(r => r.Path == "/auth/time");

    public int TokenRequests => Volatile.Read(ref _tokenCount);

    public IEnumerable<ReceivedRequest> ApiCalls(string path) => Received.Where(r => r.Path == path);

    public void RevokeTokens() => _tokens.Clear();

    public static async Task<LoopbackOvhServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackOvhServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public long Now => DateTimeOffset.UtcNow.Add(ClockOffset).ToUnixTimeSeconds();

    public static Task Json(HttpContext context, object? value, int status = 200) => Raw(context, JsonSerializer.Serialize(value), status);

    public static Task Raw(HttpContext context, string body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ovh", name));

    private async Task HandleAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            await DispatchAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var request = context.Request;
        if (request.Path == "/auth/oauth2/token")
        {
            await IssueTokenAsync(context);
            return;
        }

        var path = request.Path.Value!.StartsWith("/1.0", StringComparison.Ordinal) ? request.Path.Value[4..] : request.Path.Value;
        Received.Enqueue(new ReceivedRequest(request.Method, path, rawTarget,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));

        if (path == "/auth/time")
        {
            await Raw(context, Now.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        if (request.Method != "GET")
        {
            await Json(context, new { @class = "Client::MethodNotAllowed", message = "read-only test server" }, 405);
            return;
        }

        // OVH serves its public catalogues to anyone: no credential is checked there.
        if (!path.StartsWith("/order/catalog/public/", StringComparison.Ordinal) && !await AuthenticateAsync(context, rawTarget))
        {
            return;
        }

        context.Response.Headers["X-Ovh-Queryid"] = "EU.test." + Guid.NewGuid().ToString("N")[..8];
        if (Routes.TryGetValue(path, out var route))
        {
            await route(context);
            return;
        }

        await Json(context, new { @class = "Client::NotFound", message = $"The requested object ({path}) does not exist" }, 404);
    }

    private async Task<bool> AuthenticateAsync(HttpContext context, string rawTarget)
    {
        var headers = context.Request.Headers;
        var authorization = headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            if (headers.ContainsKey("X-Ovh-Signature") || !_tokens.ContainsKey(authorization["Bearer ".Length..]))
            {
                await Json(context, new { @class = "Client::Unauthorized", message = "You must login first" }, 401);
                return false;
            }

            return true;
        }

        if (headers["X-Ovh-Application"] != OvhTestCredentials.ApplicationKey || headers["X-Ovh-Consumer"] != OvhTestCredentials.ConsumerKey)
        {
            await Json(context, new { errorCode = "INVALID_CREDENTIAL", httpCode = "403 Forbidden", message = "This credential is not valid" }, 403);
            return false;
        }

        if (!long.TryParse(headers["X-Ovh-Timestamp"], out var timestamp) || Math.Abs(timestamp - Now) > AllowedSkew.TotalSeconds)
        {
            await Json(context, new { errorCode = "QUERY_TIME_OUT", httpCode = "400 Bad Request", message = "Invalid timestamp" }, 400);
            return false;
        }

        var url = $"{context.Request.Scheme}://{context.Request.Host}{rawTarget}";
        var expected = OvhRequestSigner.Sign(OvhTestCredentials.ApplicationSecret, OvhTestCredentials.ConsumerKey, "GET", url, "", timestamp);
        if (headers["X-Ovh-Signature"] != expected)
        {
            await Json(context, new { errorCode = "INVALID_SIGNATURE", httpCode = "400 Bad Request", message = "Invalid signature" }, 400);
            return false;
        }

        return true;
    }

    private async Task IssueTokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var expectedBasic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{OvhTestCredentials.ClientId}:{OvhTestCredentials.ClientSecret}"));
        if (context.Request.Method != "POST" || form["grant_type"] != "client_credentials" ||
            context.Request.Headers.Authorization != "Basic " + expectedBasic)
        {
            await Json(context, new { error = "invalid_client", error_description = "bad client" }, 401);
            return;
        }

        var token = "tok-" + Interlocked.Increment(ref _tokenCount) + "-" + Guid.NewGuid().ToString("N");
        _tokens[token] = 0;
        await Json(context, new { access_token = token, token_type = "Bearer", expires_in = (long)TokenLifetime.TotalSeconds });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedRequest(string Method, string Path, string RawTarget, IReadOnlyDictionary<string, string> Headers);

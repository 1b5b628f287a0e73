using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace OvhCostManager.Simulator.Http;

/// <summary>
/// Everything in front of the <c>/1.0</c> routes: query id and counters, GET-only, throttling and faults, and OVH's
/// authentication (signed AK/AS/CK requests or OAuth2 bearer tokens) with its error bodies.
/// </summary>
internal sealed class OvhGate(SimulatorState state)
{
    private const string Prefix = "/1.0";
    private readonly FaultInjector faults = new(state.Faults);
    private readonly TokenBucket? bucket = state.Options.RateLimit is { } limits ? new TokenBucket(limits) : null;

    public async Task CountAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers["X-Ovh-Queryid"] = state.NextQueryId();
        try
        {
            await next(context);
        }
        finally
        {
            var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
            state.Requests.Record(template, context.Response.StatusCode);
        }
    }

    public async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(Prefix + "/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await OvhJson.Write(context, 405, new { @class = "Client::MethodNotAllowed", message = $"Method {context.Request.Method} is not allowed: this API is read-only" });
            return;
        }

        if (path == Prefix + "/auth/time")
        {
            await next(context);
            return;
        }

        if (bucket is not null && !bucket.TryTake(out var wait))
        {
            await FaultResponses.TooManyRequests(context, wait);
            return;
        }

        var (fault, delayMs) = faults.Draw();
        if (delayMs > 0) await Task.Delay(delayMs, context.RequestAborted);
        switch (fault)
        {
            case FaultKind.TooManyRequests:
                await FaultResponses.TooManyRequests(context, Math.Max(0, state.Faults.RetryAfterSeconds));
                return;
            case FaultKind.ServerError:
                await OvhJson.Write(context, 500, new { @class = "Server::InternalServerError", message = "Internal server error" });
                return;
            case FaultKind.Unavailable:
                await OvhJson.Write(context, 503, new { @class = "Server::ServiceUnavailable", message = "Service temporarily unavailable" });
                return;
            case FaultKind.Timeout:
                await Task.Delay(state.Faults.HangMs, context.RequestAborted);
                break;
        }

        state.Account.CatchUp(state.Clock.GetUtcNow());
        // OVH serves its public catalogues without authentication.
        if (!path.StartsWith(CloudLeftoverRoutes.PublicCatalogPrefix, StringComparison.Ordinal) && !await AuthenticateAsync(context, path[Prefix.Length..]))
        {
            return;
        }

        if (context.GetEndpoint() is null)
        {
            await OvhJson.Write(context, 404, new { @class = "Client::NotFound", message = $"No route matches GET {path[Prefix.Length..]}" });
            return;
        }

        if (fault != FaultKind.TruncatedBody)
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var bytes = buffer.ToArray();
        var cut = Math.Max(1, bytes.Length / 2);
        context.Response.ContentLength = cut;
        await original.WriteAsync(bytes.AsMemory(0, cut), context.RequestAborted);
    }

    private async Task<bool> AuthenticateAsync(HttpContext context, string relativePath)
    {
        var headers = context.Request.Headers;
        string authorization = headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization["Bearer ".Length..].Trim();
            if (!state.AccessTokens.TryGetValue(token, out var expires) || expires <= state.Clock.GetUtcNow())
            {
                await OvhJson.Write(context, 401, new { @class = "Client::Unauthorized", message = "The access token is invalid or expired" });
                return false;
            }

            return true;
        }

        string application = headers["X-Ovh-Application"].ToString();
        string consumer = headers["X-Ovh-Consumer"].ToString();
        string timestamp = headers["X-Ovh-Timestamp"].ToString();
        string signature = headers["X-Ovh-Signature"].ToString();
        if (application.Length == 0 || consumer.Length == 0 || timestamp.Length == 0 || signature.Length == 0)
        {
            await OvhJson.Write(context, 401, new { message = "You must login first" });
            return false;
        }

        var credentials = SimulatorCredentials.Default;
        if (application != credentials.ApplicationKey)
        {
            await OvhJson.Write(context, 403, OvhJson.AuthError("INVALID_KEY", 403, "Invalid application key"));
            return false;
        }

        var grant = state.Consumers.FirstOrDefault(c => c.ConsumerKey == consumer);
        if (grant is null)
        {
            await OvhJson.Write(context, 403, OvhJson.AuthError("INVALID_CREDENTIAL", 403, "This credential is not valid"));
            return false;
        }

        var body = await ReadBodyAsync(context);
        // OVH checks the signature against its public endpoint, not against the scheme and Host of the connection
        // (a TLS proxy in front, a client that signs without the port): the path and query as sent, on that base.
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var url = state.PublicBaseUrl.AbsoluteUri.TrimEnd('/') + (rawTarget.StartsWith(Prefix, StringComparison.Ordinal) ? rawTarget[Prefix.Length..] : rawTarget);
        var expected = Sign(credentials.ApplicationSecret, consumer, context.Request.Method, url, body, timestamp);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            await OvhJson.Write(context, 400, OvhJson.AuthError("INVALID_SIGNATURE", 400, "Invalid signature"));
            return false;
        }

        var now = state.Clock.GetUtcNow().ToUnixTimeSeconds();
        if (!long.TryParse(timestamp, out var sent) || Math.Abs(sent - now) > state.Options.TimestampTolerance.TotalSeconds || faults.TakeTimestampError())
        {
            await OvhJson.Write(context, 400, OvhJson.AuthError("QUERY_TIME_OUT", 400, "Query out of time"));
            return false;
        }

        if (!grant.Rules.Any(rule => rule.Allows(context.Request.Method, relativePath)))
        {
            await OvhJson.Write(context, 403, new { message = "This call has not been granted", httpCode = "403 Forbidden", errorCode = "NOT_GRANTED_CALL" });
            return false;
        }

        return true;
    }

    /// <summary>OVH's request signature: <c>"$1$" + sha1_hex(AS+CK+METHOD+URL+BODY+TIMESTAMP joined by '+')</c>.</summary>
    public static string Sign(string applicationSecret, string consumerKey, string method, string url, string body, string timestamp)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes($"{applicationSecret}+{consumerKey}+{method}+{url}+{body}+{timestamp}"));
        return "$1$" + Convert.ToHexStringLower(hash);
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength is null or 0 && !context.Request.Headers.TransferEncoding.Any()) return "";
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }
}

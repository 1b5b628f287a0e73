using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// The one place HTTP leaves the process towards OVH: counts every exchange and logs method, path, status and
/// duration only (never headers, query strings or bodies, which may carry secrets).
/// </summary>
internal sealed class OvhWire(HttpClient http, OvhClientOptions options, OvhRequestCounter counter, TimeProvider time, ILogger<OvhWire> logger)
{
    public string BaseUrl { get; } = options.ResolvedBaseUrl;

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string path, string template, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        counter.RequestSent();
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            counter.RecordRequest(template, (int)response.StatusCode);
            logger.LogDebug("OVH {Method} {Path} answered {Status} in {ElapsedMs} ms",
                request.Method.Method, path, (int)response.StatusCode, (long)time.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception e)
        {
            counter.RecordRequest(template, 0);
            logger.LogDebug("OVH {Method} {Path} got no answer after {ElapsedMs} ms ({Error})",
                request.Method.Method, path, (long)time.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
            throw;
        }
        finally
        {
            counter.RequestEnded();
        }
    }

    /// <summary>GET of a route that needs no authentication (<c>/auth/time</c>).</summary>
    public async Task<string> GetUnauthenticatedAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, OvhApiTransport.ExactUri(BaseUrl + path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await SendAsync(request, path, OvhEndpointTemplate.Of(path), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }
}

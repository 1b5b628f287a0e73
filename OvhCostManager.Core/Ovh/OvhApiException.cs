using System.Net;

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// An OVH call that did not succeed. The message names the endpoint (method and path) and what OVH said; it never
/// contains a secret. <see cref="ErrorClass"/>, <see cref="ErrorCode"/> and <see cref="OvhMessage"/> are parsed
/// independently because OVH mixes a legacy (<c>errorCode</c>) and a current (<c>class</c>) error shape.
/// </summary>
public class OvhApiException : Exception
{
    public OvhApiException(string message, string path, HttpStatusCode? statusCode = null, string? errorClass = null,
        string? errorCode = null, string? ovhMessage = null, string? queryId = null, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
        StatusCode = statusCode;
        ErrorClass = errorClass;
        ErrorCode = errorCode;
        OvhMessage = ovhMessage;
        QueryId = queryId;
    }

    /// <summary>The API path called (without the base URL).</summary>
    public string Path { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>e.g. <c>Client::NotFound</c>.</summary>
    public string? ErrorClass { get; }

    /// <summary>e.g. <c>INVALID_CREDENTIAL</c>, <c>NOT_GRANTED_CALL</c>.</summary>
    public string? ErrorCode { get; }

    public string? OvhMessage { get; }

    /// <summary><c>X-Ovh-Queryid</c>, to quote to OVH support.</summary>
    public string? QueryId { get; }
}

/// <summary>OVH could not be reached or keeps failing: transport errors after all retries, or the circuit breaker is open.</summary>
public sealed class OvhApiUnavailableException(string message, string path, HttpStatusCode? statusCode = null, string? errorClass = null,
    string? errorCode = null, string? ovhMessage = null, string? queryId = null, Exception? inner = null)
    : OvhApiException(message, path, statusCode, errorClass, errorCode, ovhMessage, queryId, inner);

/// <summary>A 2xx response whose body is not complete JSON (truncated, cut connection); retried like a 5xx.</summary>
internal sealed class OvhInvalidBodyException(string message, Exception? inner = null) : Exception(message, inner);

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// Turns a concrete API path into its template by replacing identifiers with <c>{id}</c>
/// (<c>/me/bill/FR123/details</c> → <c>/me/bill/{id}/details</c>), so request counts group by endpoint.
/// </summary>
public static class OvhEndpointTemplate
{
    private static readonly HashSet<string> RouteWords = new(StringComparer.Ordinal)
    {
        "me", "bill", "details", "payment", "debt", "consumption", "usage", "current", "forecast", "history", "debtAccount",
        "credit", "balance", "movement", "order", "deposit", "dedicated", "server", "serviceInfos", "specifications",
        "hardware", "network", "vps", "ips", "storage", "netapp", "share", "cloud", "project", "instance", "quota",
        "services", "element", "volume", "snapshot", "ip", "failover", "catalog", "public", "auth", "time", "currentCredential", "details", "oauth2", "token", "api", "client", "1.0", "v1",
    };

    public static string Of(string pathAndQuery)
    {
        var path = pathAndQuery;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => RouteWords.Contains(segment) ? segment : "{id}");
        return "/" + string.Join('/', segments);
    }

    /// <summary>The path without its query string (what logs and error messages show).</summary>
    public static string PathOnly(string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return query >= 0 ? pathAndQuery[..query] : pathAndQuery;
    }
}

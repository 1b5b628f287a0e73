using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace OvhCostManager.Web;

/// <summary>
/// <c>X-Forwarded-For/-Proto/-Host</c> are trusted only from the proxies listed in <c>ReverseProxy:KnownProxies</c>
/// (addresses) and <c>ReverseProxy:KnownNetworks</c> (CIDR); with neither set, only loopback. Forwarded hosts must be in <c>AllowedHosts</c>.
/// </summary>
public static class ReverseProxy
{
    public const string SectionName = "ReverseProxy";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var proxies = List(section, "KnownProxies").Select(p => IPAddress.TryParse(p, out var ip) ? ip
            : throw new InvalidDataException($"ReverseProxy:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = List(section, "KnownNetworks").Select(n => IPNetwork.TryParse(n, out var network) ? network
            : throw new InvalidDataException($"ReverseProxy:KnownNetworks: '{n}' is not a CIDR network such as 10.0.0.0/8.")).ToList();
        var allowedHosts = (configuration["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (proxies.Count > 0 || networks.Count > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                proxies.ForEach(o.KnownProxies.Add);
                networks.ForEach(o.KnownIPNetworks.Add);
            }

            if (!allowedHosts.Contains("*"))
            {
                o.AllowedHosts = allowedHosts;
            }
        });
        return services;
    }

    private static IEnumerable<string> List(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var items = child.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (child.Value is { } joined)
        {
            items.AddRange(joined.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return items;
    }
}

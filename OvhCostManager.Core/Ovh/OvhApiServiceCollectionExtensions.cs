using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OvhCostManager.Core.Ovh;

public static class OvhApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the read-only OVH client: options from the <c>Ovh</c> section (validated at start), the process-wide
    /// limiter, clock, request counter, transport and the <see cref="IOvhApi"/> facade, all singletons.
    /// </summary>
    public static IServiceCollection AddOvhApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OvhClientOptions>()
            .Bind(configuration.GetSection(OvhClientOptions.SectionName))
            .PostConfigure(options => options.LoadSecretFiles())
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OvhClientOptions>, OvhClientOptionsValidator>());

        services.TryAddSingleton<OvhRequestCounter>();
        services.TryAddSingleton(sp => new OvhRequestLimiter(Options(sp)));
        services.TryAddSingleton(sp => new OvhWire(
            new HttpClient(OvhTrustedCertificate.CreateHandler(OvhTrustedCertificate.From(Options(sp)))) { Timeout = Timeout.InfiniteTimeSpan },
            Options(sp), sp.GetRequiredService<OvhRequestCounter>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OvhWire>>()));
        services.TryAddSingleton(sp => new OvhServerClock(sp.GetRequiredService<OvhWire>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OvhServerClock>>()));
        services.TryAddSingleton(sp =>
        {
            var options = Options(sp);
            var oauth = options.HasOAuth2Credentials
                ? new OvhOAuth2TokenSource(sp.GetRequiredService<OvhWire>(), options, sp.GetRequiredService<TimeProvider>())
                : null;
            return new OvhApiTransport(sp.GetRequiredService<OvhWire>(), options, sp.GetRequiredService<OvhServerClock>(), oauth,
                sp.GetRequiredService<OvhRequestLimiter>(), sp.GetRequiredService<OvhRequestCounter>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OvhApiTransport>>());
        });
        services.TryAddSingleton<IOvhApi>(sp => new OvhApi(sp.GetRequiredService<OvhApiTransport>()));
        return services;
    }

    private static OvhClientOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<OvhClientOptions>>().Value;
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OvhCostManager.Web;

/// <summary>
/// Keeps sign-in secrets out of the log whatever the configured levels: below Warning, the OpenID Connect handler
/// logs each received message with its authorization code, and a redirect result logs its target, which for
/// sign-out carries the ID token (<c>id_token_hint</c>). Those two categories stay at Warning and above even when an
/// operator turns <c>Microsoft.AspNetCore</c> up to Debug to diagnose something else.
/// </summary>
public static class SensitiveLogs
{
    private static readonly string[] Categories =
    [
        "Microsoft.AspNetCore.Authentication.OpenIdConnect",
        "Microsoft.AspNetCore.Http.Result.RedirectResult",
    ];

    public static IServiceCollection KeepSignInSecretsOutOfLogs(this IServiceCollection services) =>
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, CapSensitiveCategories>();

    private sealed class CapSensitiveCategories : IPostConfigureOptions<LoggerFilterOptions>
    {
        public void PostConfigure(string? name, LoggerFilterOptions options)
        {
            // A rule for one provider beats every rule without one, and a longer category beats a shorter one: the
            // cap goes in once per provider named anywhere, under each full category name, after the configured rules.
            var providers = options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList();
            var categories = options.Rules.Select(r => r.CategoryName).OfType<string>()
                .Where(c => Categories.Any(sensitive => c.StartsWith(sensitive, StringComparison.OrdinalIgnoreCase)))
                .Concat(Categories).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var provider in providers)
            {
                foreach (var category in categories)
                {
                    options.Rules.Add(new LoggerFilterRule(provider, category, LogLevel.Warning, null));
                }
            }
        }
    }
}

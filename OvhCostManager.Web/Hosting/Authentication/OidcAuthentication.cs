using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>
/// Optional OpenID Connect sign-in. When <c>Oidc:Enabled</c> is true every endpoint needs a signed-in, allowed user
/// except <c>/health</c> and the account pages; pages redirect to the login, machine paths answer 401/403.
/// </summary>
public static class OidcAuthentication
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = "oidc";
    public const string SessionCookieName = "ocm.session";

    /// <summary>Placeholder until discovery answers; the readiness gate keeps every request away from it.</summary>
    private const string NotDiscovered = "https://oidc-provider-not-discovered.invalid/";

    /// <summary>Paths read by scripts or downloads: they get a status code, never a login page.</summary>
    private static readonly string[] MachinePaths = ["/api", "/export", "/_blazor"];

    public static WebApplicationBuilder AddOidcAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OidcOptions>()
            .Bind(builder.Configuration.GetSection(OidcOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        services.AddCascadingAuthenticationState();

        var settings = builder.Configuration.GetSection(OidcOptions.SectionName).Get<OidcOptions>() ?? new OidcOptions();
        if (!settings.Enabled)
        {
            services.AddAuthentication();
            services.AddAuthorization();
            return builder;
        }

        services.AddHttpClient(OidcProviderMetadata.HttpClientName);
        services.AddSingleton<OidcProviderMetadata>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieScheme;
                o.DefaultChallengeScheme = CookieScheme;
            })
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = SessionCookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.IsEssential = true;
                o.CookieManager = new HostPrefixCookieManager();
                o.SlidingExpiration = true;
                o.LoginPath = "/account/login";
                o.AccessDeniedPath = "/account/denied";
                o.ReturnUrlParameter = "returnUrl";
                o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized, "/account/login");
                o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden, "/account/denied");
            })
            .AddOAuth<OAuthOptions, OidcHandler>(OidcScheme, o =>
            {
                o.SignInScheme = CookieScheme;
                o.UsePkce = true;
                o.SaveTokens = false;
                o.AuthorizationEndpoint = NotDiscovered;
                o.TokenEndpoint = NotDiscovered;
                o.UserInformationEndpoint = NotDiscovered;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnRemoteFailure = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcAuthentication))
                        .LogWarning("OIDC sign-in failed: {Reason}", context.Failure?.Message);
                    context.Response.Redirect(context.Request.PathBase + "/account/failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });

        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<OidcOptions>>((o, oidc) => o.ExpireTimeSpan = oidc.Value.SessionLifetime);
        services.AddOptions<OAuthOptions>(OidcScheme).Configure<IOptions<OidcOptions>>((o, oidc) =>
        {
            o.ClientId = oidc.Value.ClientId!;
            o.ClientSecret = oidc.Value.ResolveClientSecret()!;
            o.CallbackPath = oidc.Value.CallbackPath;
            o.Scope.Clear();
            foreach (var scope in oidc.Value.ScopeList)
            {
                o.Scope.Add(scope);
            }
        });

        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder(CookieScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => OidcAccess.IsAllowed(context.User, settings))
            .Build());
        return builder;
    }

    /// <summary>Fetches the discovery document before the first request; a failure leaves the app closed, not open.</summary>
    public static async Task DiscoverOidcProviderAsync(this WebApplication app)
    {
        if (app.Services.GetService<OidcProviderMetadata>() is { } provider)
        {
            await provider.LoadAsync();
        }
    }

    /// <summary>"disabled", "ready" or "unavailable", for <c>/health</c>.</summary>
    public static string Status(IServiceProvider services) =>
        services.GetService<OidcProviderMetadata>() switch
        {
            null => "disabled",
            { IsReady: true } => "ready",
            _ => "unavailable",
        };

    public static bool IsMachinePath(PathString path) => MachinePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status, string page)
    {
        var request = context.Request;
        if (IsMachinePath(request.Path) || !HttpMethods.IsGet(request.Method))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        var returnUrl = request.PathBase + request.Path + request.QueryString;
        context.Response.Redirect(request.PathBase + page + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        return Task.CompletedTask;
    }

    private sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
    {
        public ValidateOptionsResult Validate(string? name, OidcOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>
/// Optional OpenID Connect sign-in through the framework's handler (authorization code + PKCE, nonce, ID token checked
/// against the provider's keys, userinfo claims, pushed authorization requests when the provider offers them). When
/// <c>Oidc:Enabled</c> is true every endpoint needs a signed-in, allowed user except <c>/health</c> and the account
/// pages; pages redirect to the login, machine paths answer 401/403.
/// </summary>
public static class OidcAuthentication
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = "oidc";
    public const string SessionCookieName = "ocm.session";
    public const string IdTokenName = "id_token";

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

        services.AddSingleton<OidcProviderStatus>();
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
            .AddOpenIdConnect(OidcScheme, o =>
            {
                o.SignInScheme = CookieScheme;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(2);
                // A provider found down at start-up is asked again soon, not after the default five minutes.
                o.RefreshInterval = TimeSpan.FromSeconds(30);
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Only the ID token is kept (the sign-out hint): the session cookie stays small.
                o.SaveTokens = false;
                o.Events.OnTokenValidated = context =>
                {
                    if ((context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage.IdToken) is { } idToken)
                    {
                        context.Properties!.StoreTokens([new AuthenticationToken { Name = IdTokenName, Value = idToken }]);
                    }

                    return Task.CompletedTask;
                };
                o.Events.OnRemoteFailure = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcAuthentication))
                        .LogWarning("OIDC sign-in failed: {Reason}", context.Failure?.Message);
                    context.Response.Redirect(context.Request.PathBase + "/account/failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });

        services.AddSingleton<SignInSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<OidcOptions>, SignInSessionStore>((o, oidc, sessions) =>
        {
            o.ExpireTimeSpan = oidc.Value.SessionLifetime;
            o.SessionStore = sessions;
        });
        services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IOptions<OidcOptions>>((o, oidc) =>
        {
            var settings = oidc.Value;
            o.Authority = settings.Authority;
            o.RequireHttpsMetadata = settings.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ResolveClientSecret();
            o.CallbackPath = settings.CallbackPath;
            o.Scope.Clear();
            foreach (var scope in settings.ScopeList)
            {
                o.Scope.Add(scope);
            }

            // MapJsonKey, not MapUniqueJsonKey: the unique action reads the value as one string, so a JSON array of groups
            // (["finance","ops"], what providers send) became a single claim holding the array's text and no group matched.
            o.ClaimActions.MapJsonKey(settings.GroupClaim, settings.GroupClaim);
        });

        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder(CookieScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => OidcAccess.IsAllowed(context.User, settings))
            .Build());
        return builder;
    }

    /// <summary>Reads the discovery document before the first request; a failure leaves the app closed, not open.</summary>
    public static async Task DiscoverOidcProviderAsync(this WebApplication app)
    {
        if (app.Services.GetService<OidcProviderStatus>() is { } provider)
        {
            await provider.EnsureReadyAsync();
        }
    }

    /// <summary>"disabled", "ready" or "unavailable", for <c>/health</c>.</summary>
    public static string Status(IServiceProvider services) =>
        services.GetService<OidcProviderStatus>() switch
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

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>OpenID Connect sign-in, bound from the <c>Oidc</c> section. Off by default.</summary>
public sealed class OidcOptions
{
    public const string SectionName = "Oidc";

    public bool Enabled { get; set; }

    /// <summary>Issuer URL; the discovery document is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A file holding the client secret (Docker secrets); wins over <see cref="ClientSecret"/>.</summary>
    public string? ClientSecretFile { get; set; }

    public string Scopes { get; set; } = "openid profile email";

    /// <summary>Emails or subjects allowed in, separated by commas or semicolons; empty lets every signed-in user in.</summary>
    public string? AllowedUsers { get; set; }

    /// <summary>When set, a user must carry this value in <see cref="GroupClaim"/>.</summary>
    public string? RequiredGroup { get; set; }

    public string GroupClaim { get; set; } = "groups";

    /// <summary>
    /// Members of this group (in <see cref="GroupClaim"/>) edit budgets; everyone else reads them. Unset: every
    /// signed-in user edits.
    /// </summary>
    public string? AdminGroup { get; set; }

    /// <summary>Sliding lifetime of a session: it ends after this long without a request.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session ends this long after sign-in however active it is; the provider is then asked again.</summary>
    public TimeSpan SessionAbsoluteLifetime { get; set; } = TimeSpan.FromHours(24);

    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Where the provider sends the browser back after sign-out; register it as a post-logout redirect URI.</summary>
    public string SignedOutPath { get; set; } = "/account/signed-out";

    public TimeSpan DiscoveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<string> ScopeList => Split(Scopes);

    public IReadOnlyList<string> AllowedUserList => Split(AllowedUsers);

    /// <summary>The secret from <see cref="ClientSecretFile"/> when set, else <see cref="ClientSecret"/>.</summary>
    public string? ResolveClientSecret() =>
        string.IsNullOrWhiteSpace(ClientSecretFile) ? ClientSecret : File.ReadAllText(ClientSecretFile).Trim();

    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            yield return "Oidc:Authority must be the provider's issuer URL (https://...) when Oidc:Enabled is true.";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return "Oidc:ClientId is required when Oidc:Enabled is true.";
        }

        if (!string.IsNullOrWhiteSpace(ClientSecretFile) && !File.Exists(ClientSecretFile))
        {
            yield return $"Oidc:ClientSecretFile points to '{ClientSecretFile}', which does not exist.";
        }
        else if (string.IsNullOrWhiteSpace(ClientSecretFile) && string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return "Oidc:ClientSecret (or Oidc:ClientSecretFile) is required when Oidc:Enabled is true.";
        }

        if (!ScopeList.Contains("openid"))
        {
            yield return "Oidc:Scopes must include 'openid'.";
        }

        if (SessionLifetime <= TimeSpan.Zero)
        {
            yield return "Oidc:SessionLifetime must be a positive duration such as 08:00:00.";
        }

        if (SessionAbsoluteLifetime <= TimeSpan.Zero)
        {
            yield return "Oidc:SessionAbsoluteLifetime must be a positive duration such as 1.00:00:00 (one day).";
        }

        if (!IsPath(CallbackPath))
        {
            yield return "Oidc:CallbackPath must be a path starting with '/', such as /signin-oidc.";
        }

        if (!IsPath(SignedOutPath))
        {
            yield return "Oidc:SignedOutPath must be a path starting with '/', such as /account/signed-out.";
        }

        if (string.IsNullOrWhiteSpace(GroupClaim))
        {
            yield return "Oidc:GroupClaim must name the claim holding the user's groups (default 'groups').";
        }

        if (DiscoveryTimeout <= TimeSpan.Zero)
        {
            yield return "Oidc:DiscoveryTimeout must be a positive duration.";
        }
    }

    private static bool IsPath(string? path) => path is { Length: > 1 } && path[0] == '/' && path[1] != '/';

    private static string[] Split(string? list) =>
        (list ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

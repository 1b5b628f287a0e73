using Microsoft.Extensions.Options;

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// Settings of the OVH API client, bound from the <c>Ovh</c> section. Secrets come from the environment, user secrets or
/// a file (<c>...File</c> settings, for Docker secrets), never from appsettings.json.
/// </summary>
public sealed record OvhClientOptions
{
    public const string SectionName = "Ovh";

    /// <summary>API base URL and OAuth2 token URL of each region (README §1 of the OVH pack).</summary>
    public static readonly IReadOnlyDictionary<string, (string BaseUrl, string TokenUrl)> Regions =
        new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["ovh-eu"] = ("https://eu.api.ovh.com/1.0", "https://www.ovh.com/auth/oauth2/token"),
            ["ovh-ca"] = ("https://ca.api.ovh.com/1.0", "https://ca.ovh.com/auth/oauth2/token"),
            ["ovh-us"] = ("https://api.us.ovhcloud.com/1.0", "https://us.ovhcloud.com/auth/oauth2/token"),
        };

    public string Endpoint { get; set; } = "ovh-eu";

    /// <summary>Overrides the region's base URL (e.g. <c>http://127.0.0.1:1234/1.0</c> for the simulator).</summary>
    public string? BaseUrl { get; set; }

    public string? ApplicationKey { get; set; }
    public string? ApplicationSecret { get; set; }
    public string? ConsumerKey { get; set; }
    public string? ApplicationSecretFile { get; set; }
    public string? ConsumerKeyFile { get; set; }

    /// <summary>OAuth2 service account (client credentials), an alternative to the application key triple.</summary>
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? ClientSecretFile { get; set; }

    /// <summary>
    /// A certificate file (PEM or DER) trusted besides the system's authorities, for a server with a self-signed
    /// certificate (the simulator) or a TLS proxy of one's own. Only that exact certificate is added.
    /// </summary>
    public string? TrustedCertificateFile { get; set; }

    /// <summary>The same as <see cref="TrustedCertificateFile"/> given as the certificate's SHA-256 fingerprint (hex).</summary>
    public string? TrustedCertificateThumbprint { get; set; }

    /// <summary>Overrides the region's OAuth2 token URL.</summary>
    public string? TokenUrl { get; set; }

    /// <summary>Process-wide cap on simultaneous calls to OVH (OVH's own CLI uses 10).</summary>
    public int MaxConcurrentRequests { get; set; } = 10;

    /// <summary>Optional cap on calls per rolling minute; null means unlimited.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>Time allowed to one attempt (send and read the body).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; set; } = 5;

    /// <summary>First back-off delay; it doubles per retry, with jitter, unless OVH sends <c>Retry-After</c>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest <c>Retry-After</c> honoured; a longer one is cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Failed attempts in a row (within a minute) after which calls fail fast for <see cref="CircuitBreakDuration"/>.</summary>
    public int CircuitBreakerFailures { get; set; } = 10;

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Items asked per page from list routes in CachedObjectList mode.</summary>
    public int PageSize { get; set; } = 5000;

    /// <summary>
    /// Whether any credential setting (key, secret, secret file, OAuth2 client) is present in the <c>Ovh</c> section of
    /// <paramref name="configuration"/>; when none is, the Web host and the CLI's <c>--demo</c> use the simulator.
    /// </summary>
    public static bool HasCredentialSettings(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var ovh = configuration.GetSection(SectionName);
        return new[]
        {
            nameof(ApplicationKey), nameof(ApplicationSecret), nameof(ApplicationSecretFile), nameof(ConsumerKey), nameof(ConsumerKeyFile),
            nameof(ClientId), nameof(ClientSecret), nameof(ClientSecretFile),
        }.Any(key => !string.IsNullOrWhiteSpace(ovh[key]));
    }

    public bool HasApplicationCredentials =>
        !string.IsNullOrWhiteSpace(ApplicationKey) && !string.IsNullOrWhiteSpace(ApplicationSecret) && !string.IsNullOrWhiteSpace(ConsumerKey);

    public bool HasOAuth2Credentials => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>True when either the application key triple or the OAuth2 pair is complete.</summary>
    public bool HasCredentials => HasApplicationCredentials || HasOAuth2Credentials;

    public string ResolvedBaseUrl => (string.IsNullOrWhiteSpace(BaseUrl)
        ? Regions.TryGetValue(Endpoint, out var region) ? region.BaseUrl : Regions["ovh-eu"].BaseUrl
        : BaseUrl).TrimEnd('/');

    public string ResolvedTokenUrl => !string.IsNullOrWhiteSpace(TokenUrl) ? TokenUrl
        : Regions.TryGetValue(Endpoint, out var region) ? region.TokenUrl : Regions["ovh-eu"].TokenUrl;

    /// <summary>Fills secrets from their <c>...File</c> settings when the value itself is not set.</summary>
    internal void LoadSecretFiles()
    {
        ApplicationSecret = FromFile(ApplicationSecret, ApplicationSecretFile);
        ConsumerKey = FromFile(ConsumerKey, ConsumerKeyFile);
        ClientSecret = FromFile(ClientSecret, ClientSecretFile);

        static string? FromFile(string? value, string? file) =>
            string.IsNullOrWhiteSpace(value) && !string.IsNullOrWhiteSpace(file) && File.Exists(file)
                ? File.ReadAllText(file).Trim()
                : value;
    }
}

/// <summary>Start-up validation of <see cref="OvhClientOptions"/>; every message names the setting.</summary>
public sealed class OvhClientOptionsValidator : IValidateOptions<OvhClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OvhClientOptions options)
    {
        var errors = new List<string>();
        if (!OvhClientOptions.Regions.ContainsKey(options.Endpoint ?? ""))
        {
            errors.Add("Ovh:Endpoint must be one of ovh-eu, ovh-ca, ovh-us.");
        }

        if (!string.IsNullOrWhiteSpace(options.BaseUrl) && !IsHttpUrl(options.BaseUrl))
        {
            errors.Add("Ovh:BaseUrl must be an absolute http(s) URL such as https://eu.api.ovh.com/1.0.");
        }

        if (!string.IsNullOrWhiteSpace(options.TokenUrl) && !IsHttpUrl(options.TokenUrl))
        {
            errors.Add("Ovh:TokenUrl must be an absolute http(s) URL.");
        }

        foreach (var (setting, file) in new[]
                 {
                     ("Ovh:ApplicationSecretFile", options.ApplicationSecretFile),
                     ("Ovh:ConsumerKeyFile", options.ConsumerKeyFile),
                     ("Ovh:ClientSecretFile", options.ClientSecretFile),
                 })
        {
            if (!string.IsNullOrWhiteSpace(file) && !File.Exists(file))
            {
                errors.Add($"{setting} points to '{file}', which does not exist or cannot be read.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TrustedCertificateFile) && !string.IsNullOrWhiteSpace(options.TrustedCertificateThumbprint))
        {
            errors.Add("Set either Ovh:TrustedCertificateFile or Ovh:TrustedCertificateThumbprint, not both.");
        }
        else if (!string.IsNullOrWhiteSpace(options.TrustedCertificateFile))
        {
            using var certificate = File.Exists(options.TrustedCertificateFile) ? OvhTrustedCertificate.Load(options.TrustedCertificateFile) : null;
            if (certificate is null)
            {
                errors.Add(File.Exists(options.TrustedCertificateFile)
                    ? $"Ovh:TrustedCertificateFile points to '{options.TrustedCertificateFile}', which is not an X.509 certificate (PEM or DER)."
                    : $"Ovh:TrustedCertificateFile points to '{options.TrustedCertificateFile}', which does not exist or cannot be read.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.TrustedCertificateThumbprint) && OvhTrustedCertificate.FromThumbprint(options.TrustedCertificateThumbprint) is null)
        {
            errors.Add("Ovh:TrustedCertificateThumbprint must be a certificate's SHA-256 fingerprint: 64 hexadecimal digits (colons allowed).");
        }

        var triple = new[] { options.ApplicationKey, options.ApplicationSecret, options.ConsumerKey };
        if (triple.Any(v => !string.IsNullOrWhiteSpace(v)) && !options.HasApplicationCredentials)
        {
            errors.Add("Ovh:ApplicationKey, Ovh:ApplicationSecret and Ovh:ConsumerKey must be set together.");
        }

        if ((!string.IsNullOrWhiteSpace(options.ClientId) || !string.IsNullOrWhiteSpace(options.ClientSecret)) && !options.HasOAuth2Credentials)
        {
            errors.Add("Ovh:ClientId and Ovh:ClientSecret must be set together.");
        }

        if (options.HasApplicationCredentials && options.HasOAuth2Credentials)
        {
            errors.Add("Set either Ovh:ApplicationKey/ApplicationSecret/ConsumerKey or Ovh:ClientId/ClientSecret, not both.");
        }

        if (options.MaxConcurrentRequests is < 1 or > 100)
        {
            errors.Add("Ovh:MaxConcurrentRequests must be between 1 and 100.");
        }

        if (options.RequestsPerMinute is < 1)
        {
            errors.Add("Ovh:RequestsPerMinute must be at least 1, or empty for no limit.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromHours(1))
        {
            errors.Add("Ovh:RequestTimeout must be between 00:00:00.001 and 01:00:00.");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            errors.Add("Ovh:MaxRetries must be between 0 and 20.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add("Ovh:RetryBaseDelay and Ovh:MaxRetryAfter must not be negative.");
        }

        if (options.CircuitBreakerFailures < 2)
        {
            errors.Add("Ovh:CircuitBreakerFailures must be at least 2.");
        }

        if (options.CircuitBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add("Ovh:CircuitBreakDuration must be at least 00:00:00.5.");
        }

        if (options.PageSize is < 1 or > 10000)
        {
            errors.Add("Ovh:PageSize must be between 1 and 10000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

namespace OvhCostManager.Simulator;

/// <summary>How the simulated OVH API is started.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Seed of every random choice in the generated account: same seed, same account.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Preset size of the account; ignored when <see cref="Shape"/> is set.</summary>
    public AccountSize Size { get; init; } = AccountSize.Medium;

    /// <summary>Custom account dimensions, overriding <see cref="Size"/>.</summary>
    public AccountShape? Shape { get; init; }

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Serves HTTPS, as OVH does, with a self-signed certificate made at start (<see cref="SimulatorServer.Certificate"/>);
    /// false serves plain HTTP, for a test that needs it.
    /// </summary>
    public bool UseHttps { get; init; } = true;

    /// <summary>
    /// The API base URL signatures are checked against, as OVH checks them against its own endpoint
    /// (<c>https://eu.api.ovh.com/1.0</c>) whatever reached it: set it to the URL clients are given when a TLS proxy
    /// sits in front, or to <c>https://127.0.0.1/1.0</c> for a client that signs without the port (OVH's Node client;
    /// the simulator listens on IPv4 loopback only, so give such a client 127.0.0.1 rather than localhost).
    /// Null: <see cref="SimulatorServer.BaseUrl"/>, the URL it listens on.
    /// </summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>
    /// The simulator's idea of "now". A <see cref="SimulatorClock"/> is used as is; any other provider is wrapped
    /// (so it stays settable); null starts a ticking clock at the real current time.
    /// </summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Injected failures, mutable while the server runs.</summary>
    public FaultOptions Faults { get; init; } = new();

    /// <summary>Token-bucket throttling; null disables it.</summary>
    public RateLimitOptions? RateLimit { get; init; }

    /// <summary>Serves the unsigned <c>/_simulator/</c> control routes (ground truth, clock, faults).</summary>
    public bool EnableControlApi { get; init; } = true;

    /// <summary>Largest accepted distance between <c>X-Ovh-Timestamp</c> and the simulator clock.</summary>
    public TimeSpan TimestampTolerance { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Lifetime of OAuth2 access tokens issued by <c>/auth/oauth2/token</c>.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Consumer keys known to the simulator with their access rules. Default: <see cref="ConsumerGrant.Defaults"/>.</summary>
    public IReadOnlyList<ConsumerGrant>? Consumers { get; init; }

    internal AccountShape EffectiveShape => Shape ?? AccountShape.For(Size);
}

public enum AccountSize
{
    Small,
    Medium,
    Large,
    ExtraLarge,
}

/// <summary>Dimensions of a generated account.</summary>
/// <param name="Months">Months of billing history, the current month included.</param>
/// <param name="BillsPerMonth">Bills per month, the monthly consumption bill of the 1st included (at most 999).</param>
/// <param name="LinesPerBill">Lines of each ordinary bill (the consumption bill has one line per consumption element).</param>
public sealed record AccountShape(
    int Months,
    int BillsPerMonth,
    int LinesPerBill,
    int CloudProjects,
    int Instances,
    int DedicatedServers,
    int Vps,
    int NetApps)
{
    public static AccountShape For(AccountSize size) => size switch
    {
        AccountSize.Small => new(3, 3, 5, 2, 6, 2, 3, 1),
        AccountSize.Medium => new(12, 8, 10, 4, 24, 5, 8, 2),
        AccountSize.Large => new(36, 40, 25, 20, 200, 30, 50, 5),
        AccountSize.ExtraLarge => new(60, 200, 25, 20, 200, 30, 50, 5),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown account size."),
    };

    internal void Validate()
    {
        if (Months < 1 || Months > 240) throw new ArgumentException($"AccountShape.Months must be between 1 and 240 (was {Months}).");
        if (BillsPerMonth < 1 || BillsPerMonth > 999) throw new ArgumentException($"AccountShape.BillsPerMonth must be between 1 and 999 (was {BillsPerMonth}).");
        if (LinesPerBill < 1 || LinesPerBill > 500) throw new ArgumentException($"AccountShape.LinesPerBill must be between 1 and 500 (was {LinesPerBill}).");
        if (CloudProjects < 1) throw new ArgumentException($"AccountShape.CloudProjects must be at least 1 (was {CloudProjects}).");
        if (Instances < 0 || DedicatedServers < 0 || Vps < 0 || NetApps < 0) throw new ArgumentException("AccountShape counts cannot be negative.");
    }
}

/// <summary>Failures injected into <c>/1.0</c> responses (not <c>/auth/time</c>). Rates are fractions 0..1; mutable at run time.</summary>
public sealed class FaultOptions
{
    /// <summary>Seed of the fault draws: the same request sequence meets the same faults.</summary>
    public int Seed { get; set; } = 7;
    public int LatencyMs { get; set; }
    public int JitterMs { get; set; }
    public double TooManyRequestsRate { get; set; }
    public int RetryAfterSeconds { get; set; } = 1;
    public double ServerErrorRate { get; set; }
    public double TimeoutRate { get; set; }
    /// <summary>How long a "timeout" request hangs before being answered normally.</summary>
    public int HangMs { get; set; } = 30_000;
    public double TruncatedBodyRate { get; set; }
    /// <summary>The next N signed requests are refused with the timestamp error, then it stops.</summary>
    public int TransientTimestampErrors { get; set; }

    public void CopyFrom(FaultOptions other)
    {
        Seed = other.Seed;
        LatencyMs = other.LatencyMs;
        JitterMs = other.JitterMs;
        TooManyRequestsRate = other.TooManyRequestsRate;
        RetryAfterSeconds = other.RetryAfterSeconds;
        ServerErrorRate = other.ServerErrorRate;
        TimeoutRate = other.TimeoutRate;
        HangMs = other.HangMs;
        TruncatedBodyRate = other.TruncatedBodyRate;
        TransientTimestampErrors = other.TransientTimestampErrors;
    }
}

/// <summary>Token bucket: <paramref name="RequestsPerSecond"/> refill, <paramref name="Burst"/> capacity; excess gets 429 + Retry-After.</summary>
public sealed record RateLimitOptions(double RequestsPerSecond, int Burst);

/// <summary>The application key triple the simulator accepts by default.</summary>
public sealed record SimulatorCredentials(string ApplicationKey, string ApplicationSecret, string ConsumerKey)
{
    public static readonly SimulatorCredentials Default = new("sim-app-key", "sim-app-secret", "sim-consumer-key");

    /// <summary>A second consumer key granted only GET on <c>/me</c> and <c>/me/*</c>.</summary>
    public const string LimitedConsumerKey = "sim-limited-consumer-key";

    public const string OAuth2ClientId = "sim-client-id";
    public const string OAuth2ClientSecret = "sim-client-secret";
}

/// <summary>One access rule of a consumer key, as in OVH's <c>accessRules</c> (<c>*</c> wildcard allowed).</summary>
public sealed record AccessRule(string Method, string Path)
{
    public bool Allows(string method, string path)
    {
        if (!string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) return false;
        var star = Path.IndexOf('*');
        return star < 0
            ? string.Equals(Path, path, StringComparison.Ordinal)
            : path.StartsWith(Path[..star], StringComparison.Ordinal);
    }
}

/// <summary>A consumer key and what it was granted.</summary>
public sealed record ConsumerGrant(string ConsumerKey, IReadOnlyList<AccessRule> Rules)
{
    public static IReadOnlyList<ConsumerGrant> Defaults { get; } =
    [
        new(SimulatorCredentials.Default.ConsumerKey,
        [
            .. new[] { "/me", "/me/*", "/dedicated/server", "/dedicated/server/*", "/vps", "/vps/*", "/storage/*",
                "/cloud/project", "/cloud/project/*", "/services", "/services/*" }.Select(p => new AccessRule("GET", p)),
        ]),
        new(SimulatorCredentials.LimitedConsumerKey, [new("GET", "/me"), new("GET", "/me/*")]),
    ];
}

using System.Globalization;

namespace OvhCostManager.Core.Alerts;

/// <summary>Where alerts go besides the in-app list, bound from the <c>Alerts</c> section; every channel is optional.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>An incoming webhook (Slack, Mattermost, Teams): receives <c>{"text": "…"}</c> by POST.</summary>
    public string? WebhookUrl { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Language of the webhook and e-mail texts (<c>fr</c> or <c>en</c>).</summary>
    public string Culture { get; set; } = "fr";

    /// <summary>The dashboard's address as users reach it; when set, messages carry a full link to the alert's page.</summary>
    public string? DashboardUrl { get; set; }

    /// <summary>A change smaller than this (in the account currency) raises no alert; for change and anomaly sources.</summary>
    public decimal MinimumChangeImpact { get; set; } = 100m;

    /// <summary>
    /// <c>Off</c> (default): one e-mail per alert. <c>Daily</c> or <c>Weekly</c> (Mondays): the alerts of the period in one
    /// e-mail sent at <see cref="DigestHour"/> in the account's time zone, instead of one each.
    /// </summary>
    public string Digest { get; set; } = "Off";

    /// <summary>Hour of the day (0–23, account time zone) the digest leaves at.</summary>
    public int DigestHour { get; set; } = 8;

    public bool DigestOn => Digest is "Daily" or "Weekly";

    /// <summary>Attempts per channel before a delivery is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; doubled before each next one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one webhook call or one SMTP exchange.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool WebhookConfigured => !string.IsNullOrWhiteSpace(WebhookUrl);

    public CultureInfo TextCulture => CultureInfo.GetCultureInfo(Culture);

    /// <summary>Every problem of the settings, each naming its setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (WebhookConfigured && !(Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var hook) && hook.Scheme is "https" or "http"))
        {
            yield return $"Alerts:WebhookUrl must be an absolute http(s) URL, not '{WebhookUrl}'.";
        }

        if (!string.IsNullOrWhiteSpace(DashboardUrl) && !(Uri.TryCreate(DashboardUrl, UriKind.Absolute, out var site) && site.Scheme is "https" or "http"))
        {
            yield return $"Alerts:DashboardUrl must be an absolute http(s) URL, not '{DashboardUrl}'.";
        }

        if (Culture is not ("fr" or "en"))
        {
            yield return $"Alerts:Culture must be 'fr' or 'en', not '{Culture}'.";
        }

        if (MinimumChangeImpact < 0)
        {
            yield return "Alerts:MinimumChangeImpact cannot be negative.";
        }

        if (Digest is not ("Off" or "Daily" or "Weekly"))
        {
            yield return $"Alerts:Digest must be Off, Daily or Weekly, not '{Digest}'.";
        }
        else if (DigestOn && !Smtp.Configured)
        {
            yield return "Alerts:Digest is an e-mail: it needs Alerts:Smtp:Host (and From, To).";
        }

        if (DigestHour is < 0 or > 23)
        {
            yield return "Alerts:DigestHour must be an hour from 0 to 23.";
        }

        if (MaxAttempts is < 1 or > 20)
        {
            yield return "Alerts:MaxAttempts must be between 1 and 20.";
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromHours(1))
        {
            yield return "Alerts:RetryDelay must be between 00:00:00 and 01:00:00.";
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            yield return "Alerts:Timeout must be more than zero and at most 00:05:00.";
        }

        foreach (var problem in Smtp.Validate())
        {
            yield return problem;
        }
    }
}

/// <summary>E-mail over SMTP (<c>Alerts:Smtp:*</c>); off while <see cref="Host"/> is empty.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c> (TLS on 465, STARTTLS when offered), <c>StartTls</c> (required), <c>SslOnConnect</c> or <c>None</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? From { get; set; }

    /// <summary>Recipients, separated by commas or semicolons.</summary>
    public string? To { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>A file holding the password (Docker secrets); wins over <see cref="Password"/>.</summary>
    public string? PasswordFile { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public IReadOnlyList<string> Recipients => (To ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string? ReadPassword() => !string.IsNullOrWhiteSpace(PasswordFile) ? File.ReadAllText(PasswordFile).Trim() : Password;

    internal IEnumerable<string> Validate()
    {
        if (!Configured)
        {
            yield break;
        }

        if (Port is < 1 or > 65535)
        {
            yield return $"Alerts:Smtp:Port must be a TCP port (1-65535), not {Port}.";
        }

        if (Security is not ("Auto" or "StartTls" or "SslOnConnect" or "None"))
        {
            yield return $"Alerts:Smtp:Security must be Auto, StartTls, SslOnConnect or None, not '{Security}'.";
        }

        if (!MimeKit.MailboxAddress.TryParse(From ?? "", out _))
        {
            yield return "Alerts:Smtp:From must be an e-mail address when Alerts:Smtp:Host is set.";
        }

        if (Recipients.Count == 0 || Recipients.Any(r => !MimeKit.MailboxAddress.TryParse(r, out _)))
        {
            yield return "Alerts:Smtp:To must list one or more e-mail addresses when Alerts:Smtp:Host is set.";
        }

        if (!string.IsNullOrWhiteSpace(PasswordFile) && !File.Exists(PasswordFile))
        {
            yield return $"Alerts:Smtp:PasswordFile '{PasswordFile}' does not exist.";
        }
    }
}

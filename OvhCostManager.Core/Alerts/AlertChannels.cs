using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Alerts;

/// <summary>An alert as sent: its text in the configured culture and, when the dashboard's address is known, a link.</summary>
public sealed record AlertMessage(string Text, string? Url)
{
    public static AlertMessage Of(Alert alert, AlertOptions settings)
    {
        var url = settings.DashboardUrl is { Length: > 0 } site && alert.Link is { } link ? new Uri(new Uri(site), link).ToString() : null;
        return new AlertMessage(AlertText.Render(alert.Kind, alert.Parameters, settings.TextCulture), url);
    }
}

/// <summary>A way out of the app; throws when the message was not accepted.</summary>
public interface IAlertChannel
{
    AlertChannel Channel { get; }

    bool IsConfigured { get; }

    Task SendAsync(AlertMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// POSTs <c>{"text": "…"}</c>: the one body that Slack, Mattermost and Microsoft Teams incoming webhooks all accept.
/// Any answer but 2xx is a failure.
/// </summary>
public sealed class WebhookChannel(HttpClient http, IOptions<AlertOptions> options) : IAlertChannel
{
    public const string HttpClientName = "alerts-webhook";

    public AlertChannel Channel => AlertChannel.Webhook;

    public bool IsConfigured => options.Value.WebhookConfigured;

    public async Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        var text = message.Url is null ? message.Text : $"{message.Text}\n{message.Url}";
        using var response = await http.PostAsJsonAsync(options.Value.WebhookUrl, new { text }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }
}

/// <summary>E-mail over SMTP (MailKit) to every address of <c>Alerts:Smtp:To</c>: one per alert, or the digest.</summary>
public sealed class EmailChannel(IOptions<AlertOptions> options) : IAlertChannel
{
    public AlertChannel Channel => AlertChannel.Email;

    public bool IsConfigured => options.Value.Smtp.Configured;

    public Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        var culture = options.Value.TextCulture;
        var subject = string.Format(culture, AlertText.Text("EmailSubject", culture), message.Text.Length > 120 ? message.Text[..117] + "…" : message.Text);
        return SendMailAsync(subject, Body(message, culture, "\n\n"), cancellationToken);
    }

    /// <summary>One e-mail listing every alert of the digest's period, oldest first.</summary>
    public Task SendDigestAsync(IReadOnlyList<AlertMessage> messages, CancellationToken cancellationToken)
    {
        var culture = options.Value.TextCulture;
        var subject = string.Format(culture, AlertText.Text("DigestSubject", culture), messages.Count);
        return SendMailAsync(subject, string.Join("\n\n", messages.Select(m => "• " + Body(m, culture, "\n  "))), cancellationToken);
    }

    private static string Body(AlertMessage message, System.Globalization.CultureInfo culture, string beforeLink) =>
        message.Url is null ? message.Text : message.Text + beforeLink + string.Format(culture, AlertText.Text("Open", culture), message.Url);

    private async Task SendMailAsync(string subject, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From!));
        foreach (var to in smtp.Recipients)
        {
            mail.To.Add(MailboxAddress.Parse(to));
        }

        mail.Subject = subject;
        mail.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var security = smtp.Security switch
        {
            "None" => SecureSocketOptions.None,
            "StartTls" => SecureSocketOptions.StartTls,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.ReadPassword() ?? "", cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

using System.Text.RegularExpressions;
using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// The simulator a published app starts in demo mode, seen from the test: it serves HTTPS with a certificate made in
/// that process, whose SHA-256 fingerprint the app announces at start. Clients made here pin exactly that certificate.
/// </summary>
public static partial class DemoSimulator
{
    public static Uri Url(int port) => new($"https://127.0.0.1:{port}");

    /// <summary>An HTTP client trusting the certificate announced in <paramref name="appOutput"/> (waits for the announcement).</summary>
    public static async Task<HttpClient> CreateClientAsync(RunningApp app)
    {
        for (var i = 0; i < 600; i++)
        {
            if (Announcement().Match(app.Output) is { Success: true } match)
            {
                return new HttpClient(OvhTrustedCertificate.CreateHandler(OvhTrustedCertificate.FromThumbprint(match.Groups[1].Value)));
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app did not announce its demo simulator's certificate:\n{app.Output}");
    }

    [GeneratedRegex("using the built-in simulated account at https://[^ ]+ \\(self-signed certificate, SHA-256 ([0-9A-F]{64})\\)")]
    private static partial Regex Announcement();
}

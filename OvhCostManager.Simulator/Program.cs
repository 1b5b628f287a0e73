using System.Globalization;
using OvhCostManager.Simulator;

var port = 5099;
var size = AccountSize.Medium;
var seed = 42;
DateTimeOffset? now = null;
var https = true;
Uri? publicBaseUrl = null;
string? certificateOut = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Missing value after {args[i]}");
    switch (args[i])
    {
        case "--port": port = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--now":
            var instant = Value();
            if (!SimulatorClock.TryParseInstant(instant, out var parsed)) { Console.Error.WriteLine($"--now must be an instant such as 2026-11-18T10:00:00+01:00 (was {instant})"); return 2; }
            now = parsed;
            break;
        case "--http": https = false; break;
        case "--certificate-out": certificateOut = Value(); break;
        case "--public-base-url":
            var url = Value();
            if (!Uri.TryCreate(url, UriKind.Absolute, out publicBaseUrl)) { Console.Error.WriteLine($"--public-base-url must be an absolute URL such as https://127.0.0.1/1.0 (was {url})"); return 2; }
            break;
        case "--size":
            var text = Value();
            if (!Enum.TryParse(text, ignoreCase: true, out size)) { Console.Error.WriteLine($"--size must be small, medium, large or extralarge (was {text})"); return 2; }
            break;
        default:
            Console.Error.WriteLine("Usage: OvhCostManager.Simulator [--port 5099] [--size small|medium|large|extralarge] [--seed 42] [--now 2026-11-18T10:00:00+01:00 (a clock that stands still)] [--http] [--certificate-out simulator.pem] [--public-base-url https://127.0.0.1/1.0]");
            return 2;
    }
}

await using var server = await SimulatorServer.StartAsync(new SimulatorOptions
{
    Port = port, Size = size, Seed = seed, Clock = now is { } frozen ? SimulatorClock.Frozen(frozen) : null,
    UseHttps = https, PublicBaseUrl = publicBaseUrl,
});
if (certificateOut is not null) await File.WriteAllTextAsync(certificateOut, server.CertificatePem ?? "");
var truth = server.GroundTruth;
Console.WriteLine($"Simulated OVH API listening on {server.BaseUrl}");
if (server.PublicBaseUrl != server.BaseUrl) Console.WriteLine($"  signatures checked against {server.PublicBaseUrl}");
if (server.Certificate is { } certificate)
    Console.WriteLine($"  TLS certificate    self-signed, SHA-256 {OvhCostManager.Core.Ovh.OvhTrustedCertificate.Of(certificate).Thumbprint}{(certificateOut is null ? " (--certificate-out FILE writes it)" : $" written to {certificateOut}")}");
Console.WriteLine($"  application key    {server.Credentials.ApplicationKey}");
Console.WriteLine($"  application secret {server.Credentials.ApplicationSecret}");
Console.WriteLine($"  consumer key       {server.Credentials.ConsumerKey}");
Console.WriteLine($"  OAuth2 token URL   {server.TokenUrl} (client {SimulatorCredentials.OAuth2ClientId} / {SimulatorCredentials.OAuth2ClientSecret})");
Console.WriteLine($"  account            {size}, seed {seed}: {truth.Counts.Bills} bills, {truth.Counts.Lines} lines, generated in {server.GenerationTime.TotalMilliseconds:0} ms");
Console.WriteLine($"  control API        {server.Root}_simulator/ground-truth");
var stop = new TaskCompletionSource();
using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
await stop.Task;
return 0;

/// <summary>The simulator's entry point, internal: the dashboard and the tests reference this assembly and have a Program of their own.</summary>
internal partial class Program;

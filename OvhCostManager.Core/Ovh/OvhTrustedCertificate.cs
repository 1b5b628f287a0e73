using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// The one server certificate the OVH client accepts besides those the system's chain validates
/// (<c>Ovh:TrustedCertificateFile</c> or <c>Ovh:TrustedCertificateThumbprint</c>): the simulator's self-signed
/// certificate, or a TLS proxy of one's own. It is matched by its SHA-256 fingerprint and the host name must still
/// match it; validation is not switched off for anything else.
/// </summary>
public sealed class OvhTrustedCertificate
{
    private readonly byte[] sha256;

    private OvhTrustedCertificate(byte[] sha256) => this.sha256 = sha256;

    /// <summary>Upper-case hex SHA-256 fingerprint of the trusted certificate.</summary>
    public string Thumbprint => Convert.ToHexString(sha256);

    public static OvhTrustedCertificate Of(X509Certificate2 certificate) => new(certificate.GetCertHash(HashAlgorithmName.SHA256));

    /// <summary>Reads a SHA-256 fingerprint written as 64 hex digits, with or without colons or spaces.</summary>
    public static OvhTrustedCertificate? FromThumbprint(string text)
    {
        var hex = text.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit)) return null;
        return new(Convert.FromHexString(hex));
    }

    /// <summary>Loads an X.509 certificate file (PEM or DER); null when the file is missing or holds no certificate.</summary>
    public static X509Certificate2? Load(string file)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(file);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The certificate the options name, or null when they name none (validated at start-up).</summary>
    public static OvhTrustedCertificate? From(OvhClientOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TrustedCertificateThumbprint)) return FromThumbprint(options.TrustedCertificateThumbprint);
        if (string.IsNullOrWhiteSpace(options.TrustedCertificateFile)) return null;
        using var certificate = Load(options.TrustedCertificateFile);
        return certificate is null ? null : Of(certificate);
    }

    /// <summary>
    /// TLS validation: what the system trusts, plus this certificate when the only fault found is that no trusted
    /// authority issued it (a self-signed certificate); a name mismatch or a missing certificate is still refused.
    /// </summary>
    public bool Accepts(X509Certificate? certificate, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(certificate.GetRawCertData()), sha256));

    /// <summary>The HTTP handler every request to OVH goes through (API calls, OAuth2 tokens, bill documents).</summary>
    public static SocketsHttpHandler CreateHandler(OvhTrustedCertificate? trusted)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (trusted is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => trusted.Accepts(certificate, errors);
        }

        return handler;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Tests.Unit.Ovh;

public sealed class OvhClientOptionsTests
{
    private static OvhClientOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddOvhApi(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<OvhClientOptions>>().Value;
    }

    [Fact]
    public void Defaults_are_the_EU_region_ten_concurrent_calls_and_no_credentials()
    {
        var options = Resolve([]);

        Assert.Equal("https://eu.api.ovh.com/1.0", options.ResolvedBaseUrl);
        Assert.Equal("https://www.ovh.com/auth/oauth2/token", options.ResolvedTokenUrl);
        Assert.Equal(10, options.MaxConcurrentRequests);
        Assert.Null(options.RequestsPerMinute);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.False(options.HasCredentials);
    }

    [Fact]
    public void BaseUrl_wins_over_the_region_and_each_region_has_its_token_url()
    {
        var options = Resolve(new() { ["Ovh:Endpoint"] = "ovh-ca", ["Ovh:BaseUrl"] = "http://127.0.0.1:1234/1.0/" });

        Assert.Equal("http://127.0.0.1:1234/1.0", options.ResolvedBaseUrl);
        Assert.Equal("https://ca.ovh.com/auth/oauth2/token", options.ResolvedTokenUrl);
        Assert.Equal("https://api.us.ovhcloud.com/1.0", new OvhClientOptions { Endpoint = "ovh-us" }.ResolvedBaseUrl);
    }

    [Fact]
    public void An_unknown_endpoint_fails_with_a_message_naming_the_setting()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Ovh:Endpoint"] = "ovh-mars" }));

        Assert.Contains("Ovh:Endpoint must be one of ovh-eu, ovh-ca, ovh-us", failure.Message);
    }

    [Fact]
    public void Half_configured_credentials_and_bad_limits_are_each_named()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Ovh:ApplicationKey"] = "ak",
            ["Ovh:ClientId"] = "id",
            ["Ovh:MaxConcurrentRequests"] = "0",
            ["Ovh:RequestsPerMinute"] = "0",
            ["Ovh:ConsumerKeyFile"] = "/nonexistent/ck",
        }));

        Assert.Contains("Ovh:ApplicationKey, Ovh:ApplicationSecret and Ovh:ConsumerKey must be set together", failure.Message);
        Assert.Contains("Ovh:ClientId and Ovh:ClientSecret must be set together", failure.Message);
        Assert.Contains("Ovh:MaxConcurrentRequests", failure.Message);
        Assert.Contains("Ovh:RequestsPerMinute", failure.Message);
        Assert.Contains("Ovh:ConsumerKeyFile", failure.Message);
    }

    [Fact]
    public void Secrets_are_read_from_docker_secret_files()
    {
        var directory = Directory.CreateTempSubdirectory("ovh-secrets-");
        try
        {
            var secretFile = Path.Combine(directory.FullName, "as");
            var consumerFile = Path.Combine(directory.FullName, "ck");
            File.WriteAllText(secretFile, "from-file-secret\n");
            File.WriteAllText(consumerFile, "from-file-consumer");

            var options = Resolve(new()
            {
                ["Ovh:ApplicationKey"] = "ak",
                ["Ovh:ApplicationSecretFile"] = secretFile,
                ["Ovh:ConsumerKeyFile"] = consumerFile,
            });

            Assert.Equal("from-file-secret", options.ApplicationSecret);
            Assert.Equal("from-file-consumer", options.ConsumerKey);
            Assert.True(options.HasCredentials);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_OAuth2_pair_alone_counts_as_credentials()
    {
        Assert.True(new OvhClientOptions { ClientId = "id", ClientSecret = "secret" }.HasCredentials);
        Assert.False(new OvhClientOptions { ApplicationKey = "ak", ApplicationSecret = "as" }.HasCredentials);
    }

    [Fact]
    public void A_trusted_certificate_file_must_exist_and_hold_a_certificate()
    {
        using var folder = new OvhCostManager.Tests.Infrastructure.TempDirectory();
        var notACertificate = Path.Combine(folder.Path, "notes.pem");
        File.WriteAllText(notACertificate, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

        var missing = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Ovh:TrustedCertificateFile"] = "/nonexistent/ovh.pem" }));
        var garbage = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Ovh:TrustedCertificateFile"] = notACertificate }));
        var thumbprint = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Ovh:TrustedCertificateThumbprint"] = "abc" }));
        var both = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Ovh:TrustedCertificateFile"] = notACertificate, ["Ovh:TrustedCertificateThumbprint"] = new string('a', 64),
        }));

        Assert.Equal(["Ovh:TrustedCertificateFile points to '/nonexistent/ovh.pem', which does not exist or cannot be read."], missing.Failures);
        Assert.Equal([$"Ovh:TrustedCertificateFile points to '{notACertificate}', which is not an X.509 certificate (PEM or DER)."], garbage.Failures);
        Assert.Equal(["Ovh:TrustedCertificateThumbprint must be a certificate's SHA-256 fingerprint: 64 hexadecimal digits (colons allowed)."], thumbprint.Failures);
        Assert.Equal(["Set either Ovh:TrustedCertificateFile or Ovh:TrustedCertificateThumbprint, not both."], both.Failures);
    }

    [Fact]
    public void A_thumbprint_is_read_with_or_without_colons()
    {
        var plain = OvhTrustedCertificate.FromThumbprint(string.Concat(Enumerable.Repeat("0a", 32)));
        var colons = OvhTrustedCertificate.FromThumbprint(string.Join(':', Enumerable.Repeat("0A", 32)));

        Assert.Equal(string.Concat(Enumerable.Repeat("0A", 32)), plain!.Thumbprint);
        Assert.Equal(plain.Thumbprint, colons!.Thumbprint);
    }
}

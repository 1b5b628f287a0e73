using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>
/// Checks the ID token returned with the code: RS256/384/512 or PS256/384/512 signature against the provider's JWKS,
/// issuer, audience, expiry and the nonce sent with the authorization request.
/// </summary>
public static class IdTokenValidator
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public sealed record IdToken(string Subject, IReadOnlyDictionary<string, JsonElement> Claims);

    /// <exception cref="IdTokenRejectedException">The token must not be trusted; the message says why.</exception>
    public static async Task<IdToken> ValidateAsync(
        string token, OidcProviderMetadata provider, string clientId, string? expectedNonce, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw new IdTokenRejectedException("the ID token is not a signed JWT");
        }

        var header = Decode(parts[0], "header");
        var alg = header.TryGetValue("alg", out var a) ? a.GetString() : null;
        var kid = header.TryGetValue("kid", out var k) ? k.GetString() : null;
        var (hash, padding) = alg switch
        {
            "RS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "RS384" => (HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "RS512" => (HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
            "PS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            "PS384" => (HashAlgorithmName.SHA384, RSASignaturePadding.Pss),
            "PS512" => (HashAlgorithmName.SHA512, RSASignaturePadding.Pss),
            _ => throw new IdTokenRejectedException($"the ID token is signed with '{alg}', expected an RSA algorithm (RS256...)"),
        };

        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        var signature = DecodeBytes(parts[2], "signature");
        if (!Verify(provider.Keys, kid, signed, signature, hash, padding)
            && !Verify(await provider.RefreshKeysAsync(cancellationToken), kid, signed, signature, hash, padding))
        {
            throw new IdTokenRejectedException("the ID token's signature does not match any of the provider's keys");
        }

        var claims = Decode(parts[1], "payload");
        if (claims.GetValueOrDefault("iss").ToString() != provider.Current.Issuer)
        {
            throw new IdTokenRejectedException("the ID token comes from another issuer");
        }

        var audience = claims.GetValueOrDefault("aud");
        var audiences = audience.ValueKind == JsonValueKind.Array ? audience.EnumerateArray().Select(e => e.GetString()).ToArray() : [audience.ToString()];
        if (!audiences.Contains(clientId))
        {
            throw new IdTokenRejectedException("the ID token was issued for another client");
        }

        if (!claims.TryGetValue("exp", out var exp) || !exp.TryGetInt64(out var expires) || DateTimeOffset.FromUnixTimeSeconds(expires) + ClockSkew < now)
        {
            throw new IdTokenRejectedException("the ID token has expired");
        }

        if (expectedNonce is null || claims.GetValueOrDefault("nonce").ToString() != expectedNonce)
        {
            throw new IdTokenRejectedException("the ID token's nonce does not match the sign-in request");
        }

        var subject = claims.TryGetValue("sub", out var sub) && sub.GetString() is { Length: > 0 } s ? s : throw new IdTokenRejectedException("the ID token has no subject");
        return new IdToken(subject, claims);
    }

    private static bool Verify(IReadOnlyList<OidcProviderMetadata.SigningKey> keys, string? kid, byte[] data, byte[] signature, HashAlgorithmName hash, RSASignaturePadding padding)
    {
        foreach (var key in keys.Where(key => kid is null || key.KeyId is null || key.KeyId == kid))
        {
            using var rsa = RSA.Create(key.Rsa);
            if (rsa.VerifyData(data, signature, hash, padding))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, JsonElement> Decode(string part, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(DecodeBytes(part, what));
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        }
        catch (JsonException)
        {
            throw new IdTokenRejectedException($"the ID token's {what} is not JSON");
        }
    }

    private static byte[] DecodeBytes(string part, string what)
    {
        try
        {
            return Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            throw new IdTokenRejectedException($"the ID token's {what} is not base64url");
        }
    }
}

public sealed class IdTokenRejectedException(string message) : Exception(message);

using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>
/// The framework's OAuth code flow (PKCE, state, correlation cookie) plus the OpenID Connect parts it lacks:
/// endpoints from discovery, a nonce, ID-token validation, claims from userinfo, and the ID token kept for sign-out.
/// </summary>
public sealed class OidcHandler(
    IOptionsMonitor<OAuthOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OidcProviderMetadata provider,
    IOptions<OidcOptions> oidc,
    TimeProvider time)
    : OAuthHandler<OAuthOptions>(options, logger, encoder)
{
    public const string NonceItem = "ocm.nonce";
    public const string IdTokenName = "id_token";

    protected override Task InitializeHandlerAsync()
    {
        // Discovery may finish after the options were first built (the provider was down at start-up).
        if (provider.IsReady)
        {
            var endpoints = provider.Current;
            Options.AuthorizationEndpoint = endpoints.Authorization;
            Options.TokenEndpoint = endpoints.Token;
            Options.UserInformationEndpoint = endpoints.UserInfo;
        }

        return base.InitializeHandlerAsync();
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!provider.IsReady)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        }

        return base.HandleChallengeAsync(properties);
    }

    protected override string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri)
    {
        var nonce = Base64UrlNonce();
        properties.Items[NonceItem] = nonce;
        return QueryHelpers.AddQueryString(base.BuildChallengeUrl(properties, redirectUri), "nonce", nonce);
    }

    protected override async Task<AuthenticationTicket> CreateTicketAsync(ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse tokens)
    {
        var rawIdToken = tokens.Response?.RootElement.TryGetProperty(IdTokenName, out var t) == true ? t.GetString() : null;
        if (string.IsNullOrEmpty(rawIdToken))
        {
            throw new IdTokenRejectedException("the token response holds no ID token (is 'openid' in Oidc:Scopes?)");
        }

        properties.Items.TryGetValue(NonceItem, out var nonce);
        properties.Items.Remove(NonceItem);
        var idToken = await IdTokenValidator.ValidateAsync(rawIdToken, provider, Options.ClientId, nonce, time.GetUtcNow(), Context.RequestAborted);

        using var request = new HttpRequestMessage(HttpMethod.Get, Options.UserInformationEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await Backchannel.SendAsync(request, Context.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the userinfo endpoint answered {(int)response.StatusCode}");
        }

        using var userInfo = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Context.RequestAborted));
        var user = userInfo.RootElement;
        if (Text(user, "sub") != idToken.Subject)
        {
            throw new IdTokenRejectedException("the userinfo subject differs from the ID token's");
        }

        identity.AddClaim(new Claim(OidcAccess.SubjectClaimType, idToken.Subject));
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, idToken.Subject));
        identity.AddClaim(new Claim(ClaimTypes.Name, Text(user, "name") ?? Text(user, "preferred_username") ?? Text(user, "email") ?? idToken.Subject));
        if (Text(user, "email") is { } email)
        {
            identity.AddClaim(new Claim(ClaimTypes.Email, email));
        }

        if (idToken.Claims.TryGetValue("sid", out var sid) && sid.GetString() is { } session)
        {
            identity.AddClaim(new Claim("sid", session));
        }

        foreach (var group in Groups(user, oidc.Value.GroupClaim))
        {
            identity.AddClaim(new Claim(OidcAccess.GroupClaimType, group));
        }

        properties.StoreTokens([new AuthenticationToken { Name = IdTokenName, Value = rawIdToken }]);
        return await base.CreateTicketAsync(identity, properties, tokens);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static IEnumerable<string> Groups(JsonElement user, string claim) =>
        !user.TryGetProperty(claim, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString()!).ToArray()
        : value.ValueKind == JsonValueKind.String ? [value.GetString()!]
        : [];

    private static string Base64UrlNonce() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}

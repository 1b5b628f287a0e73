using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OvhCostManager.Simulator.Http;

namespace OvhCostManager.Simulator.Control;

/// <summary>
/// The regional OAuth2 token URL (<c>/auth/oauth2/token</c>, outside <c>/1.0</c>): RFC 6749 client-credentials grant,
/// client authenticated by HTTP Basic or by form fields.
/// </summary>
internal static class OAuth2Endpoint
{
    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapPost("/auth/oauth2/token", async (HttpContext context) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            string? clientId = form?["client_id"];
            string? clientSecret = form?["client_secret"];
            var authorization = context.Request.Headers.Authorization.ToString();
            if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                    var colon = pair.IndexOf(':');
                    if (colon > 0)
                    {
                        clientId = Uri.UnescapeDataString(pair[..colon]);
                        clientSecret = Uri.UnescapeDataString(pair[(colon + 1)..]);
                    }
                }
                catch (FormatException)
                {
                    return Results.Json(new { error = "invalid_client", error_description = "Malformed Basic credentials" }, statusCode: 401);
                }
            }

            if (form?["grant_type"].ToString() != "client_credentials")
                return Results.Json(new { error = "unsupported_grant_type", error_description = "Only grant_type=client_credentials is supported" }, statusCode: 400);
            if (clientId != SimulatorCredentials.OAuth2ClientId || clientSecret != SimulatorCredentials.OAuth2ClientSecret)
                return Results.Json(new { error = "invalid_client", error_description = "Unknown client or wrong secret" }, statusCode: 401);

            var token = "sim-at-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var lifetime = state.Options.AccessTokenLifetime;
            state.AccessTokens[token] = state.Clock.GetUtcNow() + lifetime;
            return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = (long)lifetime.TotalSeconds, scope = "all" });
        });
    }
}

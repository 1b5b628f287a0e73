namespace OvhCostManager.Core.Data.Entities;

/// <summary>
/// A signed-in browser session. The cookie carries only <see cref="Id"/>; signing out deletes the row, so a copy of
/// the cookie opens nothing afterwards.
/// </summary>
public sealed class SignInSession
{
    /// <summary>Random, URL-safe; the key the session cookie holds.</summary>
    public string Id { get; set; } = "";

    /// <summary>The authentication ticket, serialised and encrypted with the app's data-protection keys.</summary>
    public byte[] ProtectedTicket { get; set; } = [];

    public string? UserName { get; set; }

    public DateTimeOffset CreatedAtUtc { get; set; }

    /// <summary>Sliding: moved forward when the session is renewed.</summary>
    public DateTimeOffset ExpiresAtUtc { get; set; }

    /// <summary>Which OIDC client signed it in; a session of another client (a changed secret) is refused.</summary>
    public string ClientFingerprint { get; set; } = "";
}

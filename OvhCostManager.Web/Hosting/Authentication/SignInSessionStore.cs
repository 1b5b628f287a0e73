using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>
/// The cookie handler's session store (<see cref="ITicketStore"/>) in SQLite: the cookie holds a random key, the
/// ticket stays on the server. Signing out deletes the row, so a copy of the cookie is worthless afterwards; a
/// session ends at <see cref="OidcOptions.SessionAbsoluteLifetime"/> however active it is; a session of another
/// OIDC client (authority, client id or secret changed) is refused.
/// </summary>
public sealed class SignInSessionStore(
    IDbContextFactory<CostDbContext> contexts,
    IDataProtectionProvider protection,
    IOptions<OidcOptions> oidc,
    TimeProvider time) : ITicketStore
{
    private readonly IDataProtector protector = protection.CreateProtector("OvhCostManager.SignInSessions");
    private readonly string fingerprint = Fingerprint(oidc.Value);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var now = time.GetUtcNow();
        var session = new SignInSession
        {
            Id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            ProtectedTicket = Protect(ticket),
            UserName = ticket.Principal.Identity?.Name,
            CreatedAtUtc = now,
            ExpiresAtUtc = ticket.Properties.ExpiresUtc ?? now + oidc.Value.SessionLifetime,
            ClientFingerprint = fingerprint,
        };
        await using var db = await contexts.CreateDbContextAsync();
        // Sign-ins are rare: the ended sessions are swept then.
        var oldest = now - oidc.Value.SessionAbsoluteLifetime;
        await db.SignInSessions.Where(s => s.ExpiresAtUtc <= now || s.CreatedAtUtc <= oldest).ExecuteDeleteAsync();
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var expires = ticket.Properties.ExpiresUtc ?? time.GetUtcNow() + oidc.Value.SessionLifetime;
        var protectedTicket = Protect(ticket);
        await using var db = await contexts.CreateDbContextAsync();
        await db.SignInSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ProtectedTicket, protectedTicket).SetProperty(s => s.ExpiresAtUtc, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var session = await db.SignInSessions.FirstOrDefaultAsync(s => s.Id == key);
        if (session is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (session.ClientFingerprint != fingerprint || session.ExpiresAtUtc <= now || session.CreatedAtUtc + oidc.Value.SessionAbsoluteLifetime <= now)
        {
            await db.SignInSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(session.ProtectedTicket));
        }
        catch (CryptographicException)
        {
            // Keys lost or replaced: the session cannot be read, the user signs in again.
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.SignInSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static string Fingerprint(OidcOptions options)
    {
        var client = $"{options.Authority}\n{options.ClientId}\n{options.ResolveClientSecret()}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(client)))[..32];
    }
}

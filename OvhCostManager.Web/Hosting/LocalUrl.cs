namespace OvhCostManager.Web.Hosting;

/// <summary>
/// The one rule every redirect of the app follows (sign-in, sign-out, language switch): a path on this site, or
/// <c>/</c>. A browser drops tabs and line breaks and reads <c>\</c> as <c>/</c>, so <c>/\t/evil.example</c> or
/// <c>/%5Cevil.example</c> would leave the site: after decoding, no scheme, no authority, no backslash, no control
/// or white-space character.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        // Decoded until stable, so that %252F%252F is judged as the // a later decoding would make of it.
        var decoded = url;
        for (var i = 0; i < 3; i++)
        {
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                break;
            }

            decoded = next;
        }

        return Safe(url) && Safe(decoded);

        static bool Safe(string text) =>
            text[0] == '/'
            && !text.StartsWith("//", StringComparison.Ordinal)
            && !text.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
            && !text.Contains("://", StringComparison.Ordinal);
    }

    /// <summary><paramref name="url"/> when it is local, else the site root.</summary>
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";
}

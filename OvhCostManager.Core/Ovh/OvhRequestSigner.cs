using System.Security.Cryptography;
using System.Text;

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// OVH application-key signature: <c>"$1$" + sha1_hex(AS + "+" + CK + "+" + METHOD + "+" + URL + "+" + BODY + "+" + TIMESTAMP)</c>,
/// hashed as UTF-8, lower-case hex. <c>URL</c> must be byte-identical to the URL put on the wire.
/// </summary>
public static class OvhRequestSigner
{
    public static string Sign(string applicationSecret, string consumerKey, string method, string absoluteUrl, string body, long timestamp)
    {
        var toSign = string.Join('+', applicationSecret, consumerKey, method.ToUpperInvariant(), absoluteUrl, body,
            timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(toSign));
        return "$1$" + Convert.ToHexStringLower(hash);
    }
}

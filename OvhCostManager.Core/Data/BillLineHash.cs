using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data;

/// <summary>
/// A fingerprint of what OVH said about a bill's lines (id, description, domain, quantity, prices, period), in
/// detail-id order. Classification is left out so that improving the classifier does not look like an OVH change.
/// </summary>
public static class BillLineHash
{
    /// <summary>Lower-case hex SHA-256 of the lines' OVH fields; the empty list has a hash too.</summary>
    public static string Compute(IEnumerable<BillLine> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines.OrderBy(l => l.DetailId, StringComparer.Ordinal))
        {
            text.Append(line.DetailId).Append('\u001f')
                .Append(line.Description).Append('\u001f')
                .Append(line.Domain).Append('\u001f')
                .Append(line.Quantity.ToString("G29", CultureInfo.InvariantCulture)).Append('\u001f')
                .Append(line.UnitPrice.Ucents).Append('\u001f')
                .Append(line.Total.Ucents).Append('\u001f')
                .Append(line.PeriodStart?.ToString("O", CultureInfo.InvariantCulture)).Append('\u001f')
                .Append(line.PeriodEnd?.ToString("O", CultureInfo.InvariantCulture)).Append('\u001e');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OvhCostManager.Simulator.Http;

/// <summary>
/// OVH's CachedObjectList ("Iceberg") expansion of list routes: without <c>X-Pagination-Mode</c> the route answers bare
/// ids; with <c>CachedObjectList-Pages</c> a page of full objects plus <c>X-Pagination-Elements</c>; with
/// <c>CachedObjectList-Cursor</c> a page of objects plus <c>X-Pagination-Cursor-Next</c> while more remain.
/// </summary>
internal static class Pagination
{
    public const int DefaultSize = 1000;
    public const int MaxSize = 5000;

    public static IResult List<T>(HttpContext context, IReadOnlyList<T> items, Func<T, object> id, Func<T, object> expand)
    {
        var headers = context.Request.Headers;
        var mode = headers["X-Pagination-Mode"].ToString();
        if (mode.Length == 0) return OvhJson.Json(items.Select(id).ToList());

        var size = DefaultSize;
        var sizeText = headers["X-Pagination-Size"].ToString();
        if (sizeText.Length > 0 && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1))
            return OvhJson.BadRequest($"Invalid X-Pagination-Size: {sizeText}");
        size = Math.Min(size, MaxSize);

        int offset;
        if (mode == "CachedObjectList-Pages")
        {
            var number = 1;
            var numberText = headers["X-Pagination-Number"].ToString();
            if (numberText.Length > 0 && (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
                return OvhJson.BadRequest($"Invalid X-Pagination-Number: {numberText}");
            offset = (int)Math.Min(int.MaxValue, (long)(number - 1) * size);
            context.Response.Headers["X-Pagination-Elements"] = items.Count.ToString(CultureInfo.InvariantCulture);
        }
        else if (mode == "CachedObjectList-Cursor")
        {
            var cursor = headers["X-Pagination-Cursor"].ToString();
            if (cursor.Length == 0) offset = 0;
            else if (!TryDecode(cursor, out offset)) return OvhJson.BadRequest($"Invalid X-Pagination-Cursor: {cursor}");
            if (offset + size < items.Count) context.Response.Headers["X-Pagination-Cursor-Next"] = Encode(offset + size);
        }
        else
        {
            return OvhJson.BadRequest($"Invalid X-Pagination-Mode: {mode}");
        }

        var page = items.Skip(offset).Take(size).Select(expand).ToList();
        return OvhJson.Json(page);
    }

    private static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"offset\":{offset}}}"));

    private static bool TryDecode(string cursor, out int offset)
    {
        offset = 0;
        try
        {
            using var doc = JsonDocument.Parse(Convert.FromBase64String(cursor));
            return doc.RootElement.TryGetProperty("offset", out var value) && value.TryGetInt32(out offset) && offset >= 0;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }
}

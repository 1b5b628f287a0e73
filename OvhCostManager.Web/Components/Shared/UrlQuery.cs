using Microsoft.AspNetCore.WebUtilities;

namespace OvhCostManager.Web.Components.Shared;

/// <summary>Reads and rewrites the query of the current URL, so every view can be bookmarked.</summary>
public static class UrlQuery
{
    public static string? Get(string uri, string name)
    {
        var query = new Uri(uri).Query;
        return QueryHelpers.ParseQuery(query).TryGetValue(name, out var value) ? value.ToString() : null;
    }

    /// <summary>The same URL with <paramref name="name"/> set (or removed when null), other parameters kept.</summary>
    public static string With(string uri, string name, string? value) => With(uri, new Dictionary<string, string?> { [name] = value });

    public static string With(string uri, IReadOnlyDictionary<string, string?> changes)
    {
        var parsed = new Uri(uri);
        var query = QueryHelpers.ParseQuery(parsed.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        foreach (var (key, value) in changes)
        {
            query[key] = value;
        }

        var path = parsed.GetLeftPart(UriPartial.Path);
        return QueryHelpers.AddQueryString(path, query.Where(p => p.Value is not null));
    }
}

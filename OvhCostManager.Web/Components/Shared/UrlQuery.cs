using Microsoft.AspNetCore.WebUtilities;

namespace OvhCostManager.Web.Components.Shared;

/// <summary>Reads one parameter of the current URL's query (writing it is <c>NavigationManager.GetUriWithQueryParameter</c>).</summary>
public static class UrlQuery
{
    public static string? Get(string uri, string name)
    {
        var query = new Uri(uri).Query;
        return QueryHelpers.ParseQuery(query).TryGetValue(name, out var value) ? value.ToString() : null;
    }
}

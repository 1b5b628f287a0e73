using System.Text.Json;
using OvhCostManager.Core.Ovh.Json;

namespace OvhCostManager.Core.Ovh;

/// <summary>Reading OVH's JSON bodies: whole (a truncated body is retried), parsed, and bound to the product's models with errors that name the route.</summary>
internal static class OvhJsonBody
{
    internal static bool IsCompleteJson(byte[] body)
    {
        if (body.Length == 0)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static JsonDocument Parse(byte[] body, string pathAndQuery)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            var path = OvhEndpointTemplate.PathOnly(pathAndQuery);
            throw new OvhApiException($"OVH GET {path} answered invalid JSON.", path, inner: e);
        }
    }

    internal static T Deserialize<T>(byte[] body, string pathAndQuery)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, OvhJson.Options) ?? throw new JsonException("null document");
        }
        catch (JsonException e)
        {
            var path = OvhEndpointTemplate.PathOnly(pathAndQuery);
            throw new OvhApiException($"OVH GET {path} answered JSON that does not fit {typeof(T).Name}: {e.Message}", path, inner: e);
        }
    }

    internal static T Deserialize<T>(JsonElement element, string pathAndQuery)
    {
        try
        {
            return element.Deserialize<T>(OvhJson.Options) ?? throw new JsonException("null item");
        }
        catch (JsonException e)
        {
            var path = OvhEndpointTemplate.PathOnly(pathAndQuery);
            throw new OvhApiException($"OVH GET {path} listed an item that does not fit {typeof(T).Name}: {e.Message}", path, inner: e);
        }
    }
}

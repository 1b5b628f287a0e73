using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OvhCostManager.Core.Ovh;

/// <summary>How a list route is asked to return full objects (README §5 "Iceberg").</summary>
public enum OvhListMode
{
    /// <summary><c>X-Pagination-Mode: CachedObjectList-Pages</c>, pages numbered from 1, total in <c>X-Pagination-Elements</c>.</summary>
    Pages,

    /// <summary><c>X-Pagination-Mode: CachedObjectList-Cursor</c>, next page named by <c>X-Pagination-Cursor-Next</c>.</summary>
    Cursor,
}

/// <summary>
/// OVH's Iceberg pagination (README §5): a list route asked for full objects page by page or by cursor, and the
/// fallback to ids then one GET per item when OVH answers bare ids or refuses the headers.
/// </summary>
internal sealed class OvhPagination(OvhApiTransport transport, OvhClientOptions options, ILogger logger)
{
    public const string PaginationModeHeader = "X-Pagination-Mode";
    public const string PaginationSizeHeader = "X-Pagination-Size";
    public const string PaginationNumberHeader = "X-Pagination-Number";
    public const string PaginationCursorHeader = "X-Pagination-Cursor";
    public const string PaginationElementsHeader = "X-Pagination-Elements";
    public const string PaginationCursorNextHeader = "X-Pagination-Cursor-Next";

    /// <summary>
    /// Lists a route as full objects. Asks for CachedObjectList pages (or cursor) of <see cref="OvhClientOptions.PageSize"/>;
    /// if OVH answers with bare ids (headers ignored) or refuses the headers with 400, falls back to the id list and one
    /// GET per item at <c>{list path}/{id}</c>, with bounded concurrency. Items gone (404) between the two are skipped.
    /// </summary>
    public async Task<IReadOnlyList<T>> ListAsync<T>(string listPathAndQuery, OvhListMode mode = OvhListMode.Pages,
        CancellationToken cancellationToken = default)
    {
        var items = new List<T>();
        var page = 1;
        string? cursor = null;
        while (true)
        {
            var headers = new List<KeyValuePair<string, string>>
            {
                new(PaginationModeHeader, mode == OvhListMode.Pages ? "CachedObjectList-Pages" : "CachedObjectList-Cursor"),
                new(PaginationSizeHeader, options.PageSize.ToString(CultureInfo.InvariantCulture)),
            };
            if (mode == OvhListMode.Pages)
            {
                headers.Add(new(PaginationNumberHeader, page.ToString(CultureInfo.InvariantCulture)));
            }
            else if (cursor is not null)
            {
                headers.Add(new(PaginationCursorHeader, cursor));
            }

            OvhApiTransport.OvhResponse response;
            try
            {
                response = await transport.SendAsync(listPathAndQuery, headers, cancellationToken).ConfigureAwait(false);
            }
            catch (OvhApiException e) when (e.StatusCode == HttpStatusCode.BadRequest && items.Count == 0)
            {
                logger.LogInformation("OVH GET {Path} refused list expansion; fetching ids then items", OvhEndpointTemplate.PathOnly(listPathAndQuery));
                return await ListItemByItemAsync<T>(listPathAndQuery, null, cancellationToken).ConfigureAwait(false);
            }

            using var document = OvhJsonBody.Parse(response.Body, listPathAndQuery);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new OvhApiException($"OVH GET {OvhEndpointTemplate.PathOnly(listPathAndQuery)} did not answer a list.",
                    OvhEndpointTemplate.PathOnly(listPathAndQuery));
            }

            if (root.GetArrayLength() == 0)
            {
                break;
            }

            if (root[0].ValueKind != JsonValueKind.Object)
            {
                if (items.Count > 0)
                {
                    throw new OvhApiException($"OVH GET {OvhEndpointTemplate.PathOnly(listPathAndQuery)} switched from objects to ids mid-list.",
                        OvhEndpointTemplate.PathOnly(listPathAndQuery));
                }

                return await ListItemByItemAsync<T>(listPathAndQuery, root, cancellationToken).ConfigureAwait(false);
            }

            foreach (var element in root.EnumerateArray())
            {
                items.Add(OvhJsonBody.Deserialize<T>(element, listPathAndQuery));
            }

            if (mode == OvhListMode.Cursor)
            {
                cursor = response.CursorNext;
                if (string.IsNullOrEmpty(cursor))
                {
                    break;
                }
            }
            else
            {
                var complete = response.TotalElements is { } total ? items.Count >= total : root.GetArrayLength() < options.PageSize;
                if (complete)
                {
                    break;
                }

                page++;
            }
        }

        return items;
    }

    /// <summary>GETs a list-of-ids route without expansion (ids as text: strings as-is, numbers as written).</summary>
    public async Task<IReadOnlyList<string>> ListIdsAsync(string listPathAndQuery, CancellationToken cancellationToken = default)
    {
        var response = await transport.SendAsync(listPathAndQuery, [], cancellationToken).ConfigureAwait(false);
        using var document = OvhJsonBody.Parse(response.Body, listPathAndQuery);
        return IdsOf(document.RootElement, listPathAndQuery);
    }

    private async Task<IReadOnlyList<T>> ListItemByItemAsync<T>(string listPathAndQuery, JsonElement? idsAlreadyRead, CancellationToken cancellationToken)
    {
        var ids = idsAlreadyRead is { } read
            ? IdsOf(read, listPathAndQuery)
            : await ListIdsAsync(listPathAndQuery, cancellationToken).ConfigureAwait(false);
        var itemBase = OvhEndpointTemplate.PathOnly(listPathAndQuery).TrimEnd('/');
        var results = new T?[ids.Count];
        var found = new bool[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentRequests, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                try
                {
                    results[index] = await transport.GetAsync<T>($"{itemBase}/{Uri.EscapeDataString(ids[index])}", token).ConfigureAwait(false);
                    found[index] = true;
                }
                catch (OvhApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
                {
                    logger.LogInformation("OVH {Path} listed an item that no longer exists; skipped", itemBase);
                }
            }).ConfigureAwait(false);
        return results.Where((_, index) => found[index]).Select(item => item!).ToList();
    }

    private static List<string> IdsOf(JsonElement root, string pathAndQuery)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new OvhApiException($"OVH GET {OvhEndpointTemplate.PathOnly(pathAndQuery)} did not answer a list of ids.",
                OvhEndpointTemplate.PathOnly(pathAndQuery));
        }

        return root.EnumerateArray()
            .Select(id => id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText())
            .ToList();
    }
}

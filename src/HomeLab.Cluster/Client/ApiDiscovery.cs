using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;

namespace HomeLab.Cluster.Client;

/// <summary>
/// Maps apiVersion and kind to the resource the API server serves them as (plural, scope), asking the
/// server's discovery endpoint of that group version (<c>/api/v1</c>, <c>/apis/apps/v1</c>) once and caching
/// the answer. A kind missing from the cache is looked up again once, so a CRD installed a moment ago is found.
/// </summary>
public sealed class ApiDiscovery
{
    private readonly ApiServerClient _client;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, ApiResource>> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates an empty discovery cache that asks the server through a client.</summary>
    /// <param name="client">The client discovery requests go through.</param>
    public ApiDiscovery(ApiServerClient client) => _client = client;

    /// <summary>Finds the resource for an apiVersion and kind.</summary>
    /// <param name="apiVersion">The apiVersion, e.g. <c>apps/v1</c> or <c>v1</c>.</param>
    /// <param name="kind">The kind, e.g. <c>Deployment</c>.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="UnknownKindException">The cluster does not serve the kind, even after asking again.</exception>
    public async Task<ApiResource> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiVersion);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (_cache.TryGetValue(apiVersion, out var cached) && cached.TryGetValue(kind, out var resource))
        {
            return resource;
        }

        var fresh = await FetchAsync(apiVersion, cancellationToken).ConfigureAwait(false);
        _cache[apiVersion] = fresh;
        return fresh.TryGetValue(kind, out resource)
            ? resource
            : throw new UnknownKindException(apiVersion, kind, fresh.Keys.ToList());
    }

    /// <summary>Forgets everything discovered, so the next lookups ask the server again.</summary>
    public void Invalidate() => _cache.Clear();

    private async Task<IReadOnlyDictionary<string, ApiResource>> FetchAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        var path = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
        var response = await _client.SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        if (response.IsNotFound)
        {
            return new Dictionary<string, ApiResource>(StringComparer.Ordinal);
        }

        var list = response.EnsureSuccess();
        var resources = new Dictionary<string, ApiResource>(StringComparer.Ordinal);
        foreach (var item in list["resources"]?.OfType<JObject>() ?? [])
        {
            var name = KubeJson.GetString(item, "name");
            var itemKind = KubeJson.GetString(item, "kind");

            // Subresources (pods/log, deployments/scale) share the kind of their parent; the parent is what we want.
            if (name is null || itemKind is null || name.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            resources.TryAdd(itemKind, new ApiResource(group, version, itemKind, name, item["namespaced"]?.Value<bool>() ?? false));
        }

        return resources;
    }
}

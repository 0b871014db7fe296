using System.Runtime.CompilerServices;
using System.Text;
using HomeLab.Assertions.Sources;
using HomeLab.Cluster.Client;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Cluster;

/// <summary>
/// Reads objects from a live cluster: discovery maps apiVersion and kind to a resource, GET and LIST go
/// through the generic REST paths (core, groups and CRDs alike), and watches stream the API server's
/// <c>watch=true</c> events from the resourceVersion of an initial list, relisting on <c>410 Gone</c>.
/// </summary>
public sealed class ClusterSource : IResourceSource
{
    private const int PageSize = 500;
    private const int MaxConsecutiveWatchFailures = 5;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a source over a connection.</summary>
    /// <param name="connection">The connection (not disposed by the source).</param>
    /// <param name="timeProvider">The clock for reconnect back-off; the system clock when null.</param>
    public ClusterSource(ClusterConnection connection, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        Client = new ApiServerClient(connection);
        Discovery = new ApiDiscovery(Client);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The connection the source reads through.</summary>
    public ClusterConnection Connection { get; }

    /// <summary>The discovery cache mapping apiVersion and kind to resources.</summary>
    public ApiDiscovery Discovery { get; }

    /// <inheritdoc />
    public string Description => $"cluster {Connection.Server}";

    /// <inheritdoc />
    public bool IsLive => true;

    internal ApiServerClient Client { get; }

    /// <inheritdoc />
    public async Task<JObject?> GetAsync(ResourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Name is null)
        {
            throw new ArgumentException("a GET needs a name; use ListAsync for a selection", nameof(query));
        }

        var resource = await Discovery.ResolveAsync(query.ApiVersion, query.Kind, cancellationToken).ConfigureAwait(false);
        var path = resource.ObjectPath(NamespaceOf(resource, query), query.Name);
        var response = await Client.SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        return response.IsNotFound ? null : WithTypeMeta(response.EnsureSuccess(), resource);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JObject>> ListAsync(ResourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var resource = await Discovery.ResolveAsync(query.ApiVersion, query.Kind, cancellationToken).ConfigureAwait(false);
        var (items, _) = await ListSnapshotAsync(resource, query, cancellationToken).ConfigureAwait(false);
        return InStableOrder(items);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The initial list happens when enumeration starts; every change after it is delivered, across
    /// reconnects and <c>410 Gone</c> (after which the source relists and reports what differs).
    /// </remarks>
    public IAsyncEnumerable<ResourceChange>? Watch(ResourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return WatchChangesAsync(query, cancellationToken);
    }

    /// <summary>Lists, then watches from the list's resourceVersion, yielding the matching objects after every change.</summary>
    internal async IAsyncEnumerable<WatchUpdate> WatchStatesAsync(ResourceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var resource = await Discovery.ResolveAsync(query.ApiVersion, query.Kind, cancellationToken).ConfigureAwait(false);
        var known = new Dictionary<string, JObject>(StringComparer.Ordinal);
        var (items, resourceVersion) = await ListSnapshotAsync(resource, query, cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            known[KubeJson.Key(item)] = item;
        }

        yield return new WatchUpdate(null, InStableOrder(known.Values));

        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var gone = false;
            var opened = await OpenWatchAsync(resource, query, resourceVersion, cancellationToken).ConfigureAwait(false);
            if (opened.Response is null)
            {
                gone = opened.Gone;
                if (!gone)
                {
                    failures = await BackOffAsync(failures, opened.Failure!, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            else
            {
                using var response = opened.Response;
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                while (true)
                {
                    var line = await ReadLineAsync(reader, cancellationToken).ConfigureAwait(false);
                    if (line is null)
                    {
                        break;
                    }

                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    var watchEvent = KubeJson.Parse(line);
                    var type = KubeJson.GetString(watchEvent, "type");
                    var obj = watchEvent["object"] as JObject ?? [];
                    if (type == "ERROR")
                    {
                        if (obj["code"]?.Value<int>() == 410)
                        {
                            gone = true;
                            break;
                        }

                        failures = await BackOffAsync(failures, new ApiResponse("GET", WatchPath(resource, query, resourceVersion), obj["code"]?.Value<int>() ?? 500, obj).ToException(), cancellationToken).ConfigureAwait(false);
                        break;
                    }

                    resourceVersion = KubeJson.GetString(obj, "metadata.resourceVersion") ?? resourceVersion;
                    if (type == "BOOKMARK")
                    {
                        continue;
                    }

                    var changeType = type switch
                    {
                        "ADDED" => ResourceChangeType.Added,
                        "DELETED" => ResourceChangeType.Deleted,
                        _ => ResourceChangeType.Modified,
                    };
                    WithTypeMeta(obj, resource);
                    if (changeType == ResourceChangeType.Deleted)
                    {
                        known.Remove(KubeJson.Key(obj));
                    }
                    else
                    {
                        known[KubeJson.Key(obj)] = obj;
                    }

                    failures = 0;
                    yield return new WatchUpdate(new ResourceChange(changeType, obj), InStableOrder(known.Values));
                }
            }

            if (gone)
            {
                // The server no longer has history back to our resourceVersion: relist and report what changed meanwhile.
                var (fresh, freshVersion) = await ListSnapshotAsync(resource, query, cancellationToken).ConfigureAwait(false);
                resourceVersion = freshVersion;
                foreach (var change in Difference(known, fresh))
                {
                    yield return new WatchUpdate(change, InStableOrder(known.Values));
                }
            }
        }
    }

    /// <summary>Lists every page of a selection; the resourceVersion is the list's, from which a watch continues.</summary>
    internal async Task<(List<JObject> Items, string ResourceVersion)> ListSnapshotAsync(ApiResource resource, ResourceQuery query, CancellationToken cancellationToken)
    {
        var items = new List<JObject>();
        string? resourceVersion = null;
        string? continueToken = null;
        do
        {
            var path = resource.CollectionPath(NamespaceOf(resource, query))
                + QueryString(query, ("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("continue", continueToken));
            var list = await Client.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
            resourceVersion ??= KubeJson.GetString(list, "metadata.resourceVersion");
            continueToken = KubeJson.GetString(list, "metadata.continue") is { Length: > 0 } next ? next : null;
            foreach (var item in list["items"]?.OfType<JObject>() ?? [])
            {
                items.Add(WithTypeMeta(item, resource));
            }
        }
        while (continueToken is not null);

        return (items, resourceVersion ?? "0");
    }

    /// <summary>The namespace a query addresses: its own, the connection's default for a named object, or all namespaces.</summary>
    internal string? NamespaceOf(ApiResource resource, ResourceQuery query) =>
        !resource.Namespaced ? null : query.Namespace ?? (query.Name is null ? null : Connection.DefaultNamespace);

    internal static IReadOnlyList<JObject> InStableOrder(IEnumerable<JObject> objects) =>
        objects.OrderBy(o => KubeJson.Namespace(o) ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(o => KubeJson.Name(o) ?? string.Empty, StringComparer.Ordinal)
            .ToList();

    // List items come without apiVersion and kind; assertions match on them, so put them back.
    internal static JObject WithTypeMeta(JObject obj, ApiResource resource)
    {
        obj["apiVersion"] ??= resource.ApiVersion;
        obj["kind"] ??= resource.Kind;
        return obj;
    }

    private static string QueryString(ResourceQuery query, params (string Key, string? Value)[] extra)
    {
        var fieldSelector = query.Name is null
            ? query.FieldSelector
            : string.Join(',', new[] { $"metadata.name={query.Name}", query.FieldSelector }.Where(s => !string.IsNullOrEmpty(s)));
        var parameters = new List<(string Key, string? Value)> { ("labelSelector", query.LabelSelector), ("fieldSelector", fieldSelector) };
        parameters.AddRange(extra);
        var text = string.Join('&', parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        return text.Length == 0 ? string.Empty : "?" + text;
    }

    private static IEnumerable<ResourceChange> Difference(Dictionary<string, JObject> known, List<JObject> fresh)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var obj in fresh)
        {
            var key = KubeJson.Key(obj);
            seen.Add(key);
            if (!known.TryGetValue(key, out var before))
            {
                known[key] = obj;
                yield return new ResourceChange(ResourceChangeType.Added, obj);
            }
            else if (KubeJson.GetString(before, "metadata.resourceVersion") != KubeJson.GetString(obj, "metadata.resourceVersion"))
            {
                known[key] = obj;
                yield return new ResourceChange(ResourceChangeType.Modified, obj);
            }
        }

        foreach (var key in known.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            var last = known[key];
            known.Remove(key);
            yield return new ResourceChange(ResourceChangeType.Deleted, last);
        }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // The connection dropped: reconnect from the last resourceVersion seen.
            return null;
        }
    }

    private string WatchPath(ApiResource resource, ResourceQuery query, string resourceVersion) =>
        resource.CollectionPath(NamespaceOf(resource, query))
        + QueryString(query, ("watch", "true"), ("resourceVersion", resourceVersion), ("allowWatchBookmarks", "true"));

    private async IAsyncEnumerable<ResourceChange> WatchChangesAsync(ResourceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var update in WatchStatesAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (update.Change is not null)
            {
                yield return update.Change;
            }
        }
    }

    private async Task<(HttpResponseMessage? Response, bool Gone, Exception? Failure)> OpenWatchAsync(ApiResource resource, ResourceQuery query, string resourceVersion, CancellationToken cancellationToken)
    {
        var path = WatchPath(resource, query, resourceVersion);
        HttpResponseMessage response;
        try
        {
            response = await Client.OpenStreamAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return (null, false, e);
        }

        if (response.IsSuccessStatusCode)
        {
            return (response, false, null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status == 410)
            {
                return (null, true, null);
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var body = text.StartsWith('{') ? KubeJson.Parse(text) : new JObject { ["message"] = text };
            var failure = new ApiResponse("GET", path, status, body).ToException();

            // A refusal (forbidden, bad selector) will not heal by retrying; a server error may.
            return status is >= 400 and < 500 and not 429 ? throw failure : (null, false, failure);
        }
    }

    private async Task<int> BackOffAsync(int failures, Exception failure, CancellationToken cancellationToken)
    {
        failures++;
        if (failures > MaxConsecutiveWatchFailures)
        {
            throw new ClusterApiException($"watch failed {MaxConsecutiveWatchFailures} times in a row on {Connection.Server}: {failure.Message}", failure);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(100 * (1 << failures)), _timeProvider, cancellationToken).ConfigureAwait(false);
        return failures;
    }
}

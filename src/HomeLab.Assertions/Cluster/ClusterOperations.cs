using System.Text;
using HomeLab.Assertions.Operations;
using HomeLab.Assertions.Sources;
using HomeLab.Cluster.Client;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Cluster;

/// <summary>
/// The test runner's operations against a live cluster: server-side apply (field manager <c>homelab</c>,
/// forced), create, patch, update, delete that waits until the objects are gone, condition waits, the
/// ephemeral namespace's lifecycle, and collectors (pod logs, events, get, describe). Waiting uses watches.
/// </summary>
public sealed class ClusterOperations : IClusterOperations
{
    /// <summary>The field manager that server-side apply records for our writes.</summary>
    public const string FieldManager = "homelab";

    private static readonly ResourceQuery NamespaceKind = new("v1", "Namespace");
    private readonly ClusterSource _source;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the operations over a cluster source.</summary>
    /// <param name="source">The source whose connection and discovery the operations use.</param>
    /// <param name="timeProvider">The clock for <see cref="WaitAsync"/> timeouts; the system clock when null.</param>
    public ClusterOperations(ClusterSource source, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    private ApiServerClient Client => _source.Client;

    /// <inheritdoc />
    public async Task<ClusterWriteResult> ApplyAsync(JObject resource, string? @namespace, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(resource, @namespace, cancellationToken).ConfigureAwait(false);
        var path = target.Resource.ObjectPath(target.Namespace, target.Name) + $"?fieldManager={FieldManager}&force=true";
        var response = await Client.SendAsync(HttpMethod.Patch, path, target.Body, "application/apply-patch+yaml", cancellationToken).ConfigureAwait(false);
        return new ClusterWriteResult(ClusterSource.WithTypeMeta(response.EnsureSuccess(), target.Resource), response.StatusCode == 201);
    }

    /// <inheritdoc />
    public async Task<ClusterWriteResult> CreateAsync(JObject resource, string? @namespace, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(resource, @namespace, cancellationToken, nameRequired: false).ConfigureAwait(false);
        var path = target.Resource.CollectionPath(target.Namespace) + $"?fieldManager={FieldManager}";
        var response = await Client.SendAsync(HttpMethod.Post, path, target.Body, null, cancellationToken).ConfigureAwait(false);
        return new ClusterWriteResult(ClusterSource.WithTypeMeta(response.EnsureSuccess(), target.Resource), true);
    }

    /// <inheritdoc />
    public async Task<ClusterWriteResult> PatchAsync(JObject resource, string? @namespace, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(resource, @namespace, cancellationToken).ConfigureAwait(false);
        return await SendPatchAsync(target.Resource, target.Namespace, target.Name, target.Body, ClusterPatchType.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Patches one object with a merge, strategic-merge or JSON patch.</summary>
    /// <param name="target">The object (apiVersion, kind, name, and namespace when namespaced).</param>
    /// <param name="patch">The patch: an object for merge patches, an array of operations for a JSON patch.</param>
    /// <param name="type">How the patch merges.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The object as stored.</returns>
    public async Task<ClusterWriteResult> PatchAsync(ResourceQuery target, JToken patch, ClusterPatchType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(patch);
        if (target.Name is null)
        {
            throw new ArgumentException("a patch needs the name of its target", nameof(target));
        }

        var resource = await _source.Discovery.ResolveAsync(target.ApiVersion, target.Kind, cancellationToken).ConfigureAwait(false);
        return await SendPatchAsync(resource, _source.NamespaceOf(resource, target), target.Name, patch, type, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ClusterWriteResult> UpdateAsync(JObject resource, string? @namespace, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(resource, @namespace, cancellationToken).ConfigureAwait(false);
        var path = target.Resource.ObjectPath(target.Namespace, target.Name);
        if (KubeJson.GetString(target.Body, "metadata.resourceVersion") is null)
        {
            // Most kinds (custom resources among them) refuse an update that does not say which version it replaces.
            var current = await Client.SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
            ((JObject)target.Body["metadata"]!)["resourceVersion"] = KubeJson.GetString(current.EnsureSuccess(), "metadata.resourceVersion");
        }

        var response = await Client.SendAsync(HttpMethod.Put, path + $"?fieldManager={FieldManager}", target.Body, null, cancellationToken).ConfigureAwait(false);
        return new ClusterWriteResult(ClusterSource.WithTypeMeta(response.EnsureSuccess(), target.Resource), false);
    }

    /// <inheritdoc />
    public async Task<int> DeleteAsync(ResourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var resource = await _source.Discovery.ResolveAsync(query.ApiVersion, query.Kind, cancellationToken).ConfigureAwait(false);
        var (targets, _) = await _source.ListSnapshotAsync(resource, query, cancellationToken).ConfigureAwait(false);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var path = resource.ObjectPath(KubeJson.Namespace(target), KubeJson.Name(target)!);
            var options = new JObject { ["apiVersion"] = "v1", ["kind"] = "DeleteOptions", ["propagationPolicy"] = "Background" };
            var response = await Client.SendAsync(HttpMethod.Delete, path, options, null, cancellationToken).ConfigureAwait(false);
            if (response.IsNotFound)
            {
                continue;
            }

            response.EnsureSuccess();
            deleted.Add(KubeJson.GetString(target, "metadata.uid") ?? KubeJson.Key(target));
        }

        if (deleted.Count > 0)
        {
            await WaitUntilGoneAsync(query, deleted, cancellationToken).ConfigureAwait(false);
        }

        return deleted.Count;
    }

    /// <inheritdoc />
    public async Task WaitAsync(ResourceQuery query, WaitCondition condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(condition);
        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var lastSeen = "nothing (no list answered yet)";
        try
        {
            await foreach (var update in _source.WatchStatesAsync(query, linked.Token).ConfigureAwait(false))
            {
                if (condition.Kind == WaitConditionKind.Deletion)
                {
                    if (update.Current.Count == 0)
                    {
                        return;
                    }

                    lastSeen = string.Join("; ", update.Current.Select(KubeJson.Key)) + " still present";
                    continue;
                }

                var states = update.Current.Select(o => (Object: o, Met: Meets(o, condition, out var seen), Seen: seen)).ToList();
                if (states.Count > 0 && states.All(s => s.Met))
                {
                    return;
                }

                lastSeen = states.Count == 0 ? "no matching object" : string.Join("; ", states.Select(s => $"{KubeJson.Key(s.Object)}: {s.Seen}"));
            }
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"timed out after {timeout.TotalSeconds:0.###} s waiting for {Describe(query)} to meet {Describe(condition)}; last seen: {lastSeen}");
        }
    }

    /// <inheritdoc />
    public async Task CreateNamespaceAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        while (true)
        {
            var body = new JObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JObject { ["name"] = name } };
            var response = await Client.SendAsync(HttpMethod.Post, $"/api/v1/namespaces?fieldManager={FieldManager}", body, null, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != 409)
            {
                response.EnsureSuccess();
                return;
            }

            // It exists; if it is still terminating from an earlier run, objects cannot be created in it yet.
            var existing = await Client.SendAsync(HttpMethod.Get, $"/api/v1/namespaces/{Uri.EscapeDataString(name)}", null, null, cancellationToken).ConfigureAwait(false);
            if (existing.IsNotFound)
            {
                continue;
            }

            if (KubeJson.GetString(existing.EnsureSuccess(), "status.phase") != "Terminating")
            {
                return;
            }

            await WaitAsync(NamespaceKind with { Name = name }, WaitCondition.Deleted, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task DeleteNamespaceAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        await DeleteAsync(NamespaceKind with { Name = name }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string> CollectPodLogsAsync(ResourceQuery query, string? container, int? tail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pods = await _source.ListAsync(query, cancellationToken).ConfigureAwait(false);
        if (pods.Count == 0)
        {
            return $"(no pods match {Describe(query)})\n";
        }

        var text = new StringBuilder();
        foreach (var pod in pods)
        {
            var containers = container is not null
                ? [container]
                : (pod.SelectToken("spec.initContainers") as JArray ?? []).Concat(pod.SelectToken("spec.containers") as JArray ?? [])
                    .Select(c => KubeJson.GetString(c, "name")).OfType<string>().ToList();
            foreach (var name in containers)
            {
                var path = $"/api/v1/namespaces/{Uri.EscapeDataString(KubeJson.Namespace(pod) ?? _source.Connection.DefaultNamespace)}/pods/{Uri.EscapeDataString(KubeJson.Name(pod)!)}/log?container={Uri.EscapeDataString(name)}"
                    + (tail is { } lines ? $"&tailLines={lines}" : string.Empty);
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"=== pod {KubeJson.Key(pod)} container {name} ===\n");
                try
                {
                    var logs = await Client.GetTextAsync(path, cancellationToken).ConfigureAwait(false);
                    text.Append(logs);
                    if (logs.Length > 0 && logs[^1] != '\n')
                    {
                        text.Append('\n');
                    }
                }
                catch (ClusterApiException e)
                {
                    // A collector runs when something already failed: report what it could not gather and go on.
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"(no logs: {e.ServerMessage ?? e.Message})\n");
                }
            }
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public async Task<string> CollectEventsAsync(string? @namespace, string? involvedObjectName, CancellationToken cancellationToken)
    {
        var events = await _source.ListAsync(
            new ResourceQuery("v1", "Event", @namespace, FieldSelector: involvedObjectName is null ? null : $"involvedObject.name={involvedObjectName}"),
            cancellationToken).ConfigureAwait(false);
        return ObjectText.EventTable(events);
    }

    /// <inheritdoc />
    public async Task<string> CollectGetAsync(ResourceQuery query, string? format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var objects = await _source.ListAsync(query, cancellationToken).ConfigureAwait(false);
        return format?.ToUpperInvariant() switch
        {
            "YAML" => objects.Count == 0 ? $"# no objects match {Describe(query)}\n" : ObjectText.ToYaml(objects),
            "JSON" => ObjectText.ToJson(objects),
            null or "" or "TABLE" or "WIDE" => ObjectText.ToTable(objects),
            _ => throw new ArgumentException($"unknown output format '{format}'; hint: use yaml, json or leave it empty for a table", nameof(format)),
        };
    }

    /// <inheritdoc />
    public async Task<string> CollectDescribeAsync(ResourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var objects = await _source.ListAsync(query, cancellationToken).ConfigureAwait(false);
        if (objects.Count == 0)
        {
            return $"(no objects match {Describe(query)})\n";
        }

        var text = new StringBuilder();
        foreach (var obj in objects)
        {
            var uid = KubeJson.GetString(obj, "metadata.uid");
            var selector = uid is null ? $"involvedObject.name={KubeJson.Name(obj)}" : $"involvedObject.uid={uid}";
            IReadOnlyList<JObject> events;
            try
            {
                events = await _source.ListAsync(new ResourceQuery("v1", "Event", KubeJson.Namespace(obj), FieldSelector: selector), cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterApiException)
            {
                events = [];
            }

            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(ObjectText.Describe(obj, events));
        }

        return text.ToString();
    }

    private static bool Meets(JObject obj, WaitCondition condition, out string seen)
    {
        if (condition.Kind == WaitConditionKind.Condition)
        {
            var type = condition.Name ?? "Ready";
            var expected = condition.Value ?? "True";
            var found = (obj.SelectToken("status.conditions") as JArray)?.OfType<JObject>()
                .FirstOrDefault(c => string.Equals(KubeJson.GetString(c, "type"), type, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                seen = $"no condition {type}";
                return false;
            }

            var status = KubeJson.GetString(found, "status");
            var reason = KubeJson.GetString(found, "reason");
            var message = KubeJson.GetString(found, "message");
            seen = $"{type}={status}" + (reason is null && message is null ? string.Empty : $" ({reason}: {message})");
            return string.Equals(status, expected, StringComparison.OrdinalIgnoreCase);
        }

        var path = condition.Name ?? throw new ArgumentException("a JSONPath wait needs a path", nameof(condition));
        var values = JsonPathQuery.Evaluate(obj, path).Select(v => KubeJson.Text(v) ?? v.ToString(Newtonsoft.Json.Formatting.None)).ToList();
        seen = values.Count == 0 ? $"{path} is absent" : $"{path}={string.Join(",", values)}";
        return condition.Value is null
            ? values.Count > 0 && values.All(v => v.Length > 0)
            : values.Count > 0 && values.All(v => v == condition.Value);
    }

    private static string Describe(ResourceQuery query) =>
        $"{query.ApiVersion} {query.Kind}"
        + (query.Name is null ? string.Empty : $" {query.Name}")
        + (query.Namespace is null ? string.Empty : $" in {query.Namespace}")
        + (query.LabelSelector is null ? string.Empty : $" labelled {query.LabelSelector}")
        + (query.FieldSelector is null ? string.Empty : $" with {query.FieldSelector}");

    private static string Describe(WaitCondition condition) => condition.Kind switch
    {
        WaitConditionKind.Condition => $"condition {condition.Name}={condition.Value ?? "True"}",
        WaitConditionKind.JsonPath => $"jsonpath {condition.Name}={condition.Value}",
        _ => "deletion",
    };

    private static string ContentType(ClusterPatchType type) => type switch
    {
        ClusterPatchType.StrategicMerge => "application/strategic-merge-patch+json",
        ClusterPatchType.Json => "application/json-patch+json",
        _ => "application/merge-patch+json",
    };

    private async Task<ClusterWriteResult> SendPatchAsync(ApiResource resource, string? @namespace, string name, JToken patch, ClusterPatchType type, CancellationToken cancellationToken)
    {
        var path = resource.ObjectPath(@namespace, name) + $"?fieldManager={FieldManager}";
        var response = await Client.SendAsync(HttpMethod.Patch, path, patch, ContentType(type), cancellationToken).ConfigureAwait(false);
        return new ClusterWriteResult(ClusterSource.WithTypeMeta(response.EnsureSuccess(), resource), false);
    }

    private async Task WaitUntilGoneAsync(ResourceQuery query, HashSet<string> identities, CancellationToken cancellationToken)
    {
        await foreach (var update in _source.WatchStatesAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (!update.Current.Any(o => identities.Contains(KubeJson.GetString(o, "metadata.uid") ?? KubeJson.Key(o))))
            {
                return;
            }
        }
    }

    private async Task<(ApiResource Resource, string? Namespace, string Name, JObject Body)> TargetAsync(
        JObject resource, string? @namespace, CancellationToken cancellationToken, bool nameRequired = true)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var apiVersion = KubeJson.GetString(resource, "apiVersion");
        var kind = KubeJson.GetString(resource, "kind");
        var name = KubeJson.Name(resource);
        if (apiVersion is null || kind is null || (nameRequired && name is null))
        {
            throw new ArgumentException(
                $"the object needs apiVersion, kind and metadata.name (it has {apiVersion ?? "no apiVersion"}, {kind ?? "no kind"}, {name ?? "no name"})",
                nameof(resource));
        }

        var api = await _source.Discovery.ResolveAsync(apiVersion, kind, cancellationToken).ConfigureAwait(false);
        var body = (JObject)resource.DeepClone();
        string? targetNamespace = null;
        if (api.Namespaced)
        {
            targetNamespace = KubeJson.Namespace(body) ?? @namespace ?? _source.Connection.DefaultNamespace;
            if (body["metadata"] is not JObject metadata)
            {
                body["metadata"] = metadata = [];
            }

            metadata["namespace"] = targetNamespace;
        }

        return (api, targetNamespace, name ?? string.Empty, body);
    }
}

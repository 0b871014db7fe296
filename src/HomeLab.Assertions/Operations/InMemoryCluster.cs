using System.Text;
using HomeLab.Assertions.Sources;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Operations;

/// <summary>
/// Cluster operations over an <see cref="InMemorySource"/>: apply merges, create/patch/update check existence,
/// delete removes, wait checks the stored objects. No controllers run, so nothing changes unless a test
/// changes it. For running Chainsaw-style tests offline and for unit tests of the runner.
/// </summary>
public sealed class InMemoryCluster : IClusterOperations
{
    /// <summary>Creates operations over a source.</summary>
    /// <param name="source">The objects.</param>
    public InMemoryCluster(InMemorySource source) => Source = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>The objects the operations change.</summary>
    public InMemorySource Source { get; }

    /// <summary>Every call made, in order (<c>apply v1/ConfigMap ns/name</c>), for tests of the runner.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    private readonly List<string> _calls = [];

    /// <inheritdoc />
    public async Task<ClusterWriteResult> ApplyAsync(JObject resource, string? @namespace, CancellationToken cancellationToken)
    {
        var obj = Place(resource, @namespace);
        Record("apply", obj);
        var existing = await Source.GetAsync(Query(obj), cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            existing.Merge(obj, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace, MergeNullValueHandling = MergeNullValueHandling.Merge });
            obj = existing;
        }

        Source.Put(obj);
        return new ClusterWriteResult(obj, existing is null);
    }

    /// <inheritdoc />
    public async Task<ClusterWriteResult> CreateAsync(JObject resource, string? @namespace, CancellationToken cancellationToken)
    {
        var obj = Place(resource, @namespace);
        Record("create", obj);
        if (await Source.GetAsync(Query(obj), cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new InvalidOperationException($"{Describe(obj)} already exists");
        }

        Source.Put(obj);
        return new ClusterWriteResult(obj, true);
    }

    /// <inheritdoc />
    public async Task<ClusterWriteResult> PatchAsync(JObject resource, string? @namespace, CancellationToken cancellationToken)
    {
        var obj = Place(resource, @namespace);
        Record("patch", obj);
        var existing = await Source.GetAsync(Query(obj), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{Describe(obj)} does not exist");
        existing.Merge(obj, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace });
        Source.Put(existing);
        return new ClusterWriteResult(existing, false);
    }

    /// <inheritdoc />
    public async Task<ClusterWriteResult> UpdateAsync(JObject resource, string? @namespace, CancellationToken cancellationToken)
    {
        var obj = Place(resource, @namespace);
        Record("update", obj);
        _ = await Source.GetAsync(Query(obj), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{Describe(obj)} does not exist");
        Source.Put(obj);
        return new ClusterWriteResult(obj, false);
    }

    /// <inheritdoc />
    public async Task<int> DeleteAsync(ResourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        Record($"delete {query.ApiVersion}/{query.Kind} {query.Namespace}/{query.Name ?? query.LabelSelector}");
        var found = await Source.ListAsync(query, cancellationToken).ConfigureAwait(false);
        foreach (var obj in found)
        {
            var (apiVersion, kind, ns, name) = ResourceIndex.Identify(obj);
            Source.Remove(apiVersion, kind, ns, name);
        }

        return found.Count;
    }

    /// <inheritdoc />
    public async Task WaitAsync(ResourceQuery query, WaitCondition condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(condition);
        Record($"wait {query.ApiVersion}/{query.Kind} {query.Namespace}/{query.Name} {condition.Kind} {condition.Name}");
        var objects = await Source.ListAsync(query, cancellationToken).ConfigureAwait(false);
        var holds = condition.Kind switch
        {
            WaitConditionKind.Deletion => objects.Count == 0,
            WaitConditionKind.Condition => objects.Count > 0 && objects.All(o => (o["status"]?["conditions"] as JArray)?
                .Any(c => string.Equals((string?)c["type"], condition.Name, StringComparison.OrdinalIgnoreCase)
                    && string.Equals((string?)c["status"], condition.Value ?? "True", StringComparison.OrdinalIgnoreCase)) == true),
            _ => objects.Count > 0 && objects.All(o => YamlJson.Display(o.SelectToken(condition.Name!.Trim('{', '}').TrimStart('.'))) == condition.Value),
        };
        if (!holds)
        {
            // Nothing changes in memory unless a test changes it; fail rather than wait for nothing.
            throw new TimeoutException($"{query.Kind} {query.Name}: condition {condition.Kind} {condition.Name}={condition.Value} does not hold");
        }
    }

    /// <inheritdoc />
    public Task CreateNamespaceAsync(string name, CancellationToken cancellationToken)
    {
        Record("create namespace " + name);
        Source.Put(new JObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JObject { ["name"] = name } });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteNamespaceAsync(string name, CancellationToken cancellationToken)
    {
        Record("delete namespace " + name);
        foreach (var obj in Source.Snapshot().Where(o => (string?)o["metadata"]?["namespace"] == name))
        {
            var (apiVersion, kind, ns, objName) = ResourceIndex.Identify(obj);
            Source.Remove(apiVersion, kind, ns, objName);
        }

        Source.Remove("v1", "Namespace", null, name);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string> CollectPodLogsAsync(ResourceQuery query, string? container, int? tail, CancellationToken cancellationToken)
    {
        Record("logs " + query?.Name);
        return Task.FromResult("(no logs: in-memory cluster)");
    }

    /// <inheritdoc />
    public Task<string> CollectEventsAsync(string? @namespace, string? involvedObjectName, CancellationToken cancellationToken)
    {
        Record("events " + @namespace);
        return Task.FromResult("(no events: in-memory cluster)");
    }

    /// <inheritdoc />
    public async Task<string> CollectGetAsync(ResourceQuery query, string? format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        Record($"get {query.Kind} {query.Name}");
        var objects = await Source.ListAsync(query, cancellationToken).ConfigureAwait(false);
        var builder = new StringBuilder();
        foreach (var obj in objects)
        {
            builder.AppendLine(format == "json" ? obj.ToString() : Describe(obj));
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public Task<string> CollectDescribeAsync(ResourceQuery query, CancellationToken cancellationToken) => CollectGetAsync(query, "json", cancellationToken);

    private static JObject Place(JObject resource, string? @namespace)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var obj = (JObject)resource.DeepClone();
        var kind = (string?)obj["kind"] ?? string.Empty;
        if (@namespace is not null && !Manifests.Objects.ClusterScopedKinds.BuiltIn.Contains(kind) && obj["metadata"] is JObject metadata && metadata["namespace"] is null)
        {
            metadata["namespace"] = @namespace;
        }

        return obj;
    }

    private static ResourceQuery Query(JObject obj)
    {
        var (apiVersion, kind, ns, name) = ResourceIndex.Identify(obj);
        return new ResourceQuery(apiVersion, kind, ns, name);
    }

    private static string Describe(JObject obj)
    {
        var (apiVersion, kind, ns, name) = ResourceIndex.Identify(obj);
        return $"{apiVersion}/{kind} {(ns is null ? string.Empty : ns + "/")}{name}";
    }

    private void Record(string call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    private void Record(string verb, JObject obj) => Record(verb + " " + Describe(obj));
}

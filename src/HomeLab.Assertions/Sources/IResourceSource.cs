using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Sources;

/// <summary>
/// Where assertions read objects from: a live cluster (through KubernetesClient) or a rendered set of
/// manifests (offline). Objects are JSON trees (Newtonsoft <see cref="JObject"/>, what JMESPath evaluates).
/// </summary>
public interface IResourceSource
{
    /// <summary>Says what this source is, for messages: <c>cluster https://127.0.0.1:6443</c>, <c>rendered k3s</c>.</summary>
    string Description { get; }

    /// <summary>Whether objects can change while a test waits (a cluster: yes; rendered manifests: no, so waiting ends at once).</summary>
    bool IsLive { get; }

    /// <summary>Reads one object by apiVersion, kind, namespace and name.</summary>
    /// <param name="query">The query; <see cref="ResourceQuery.Name"/> must be set.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The object, or null when it does not exist.</returns>
    Task<JObject?> GetAsync(ResourceQuery query, CancellationToken cancellationToken);

    /// <summary>Lists the objects that match, in a stable order (namespace, then name).</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The objects.</returns>
    Task<IReadOnlyList<JObject>> ListAsync(ResourceQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Streams changes to objects matching the query, starting after the current state, until cancelled.
    /// Waiting uses this to react to a change as soon as it reaches the client; a source that cannot watch
    /// a kind returns null and the caller falls back to polling.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The changes, or null when this source cannot watch the query.</returns>
    IAsyncEnumerable<ResourceChange>? Watch(ResourceQuery query, CancellationToken cancellationToken);
}

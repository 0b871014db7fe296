using HomeLab.Assertions.Sources;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Operations;

/// <summary>
/// The operations that change a cluster or gather text from it, as the test runner calls them. A live
/// implementation drives KubernetesClient; tests use an in-memory fake. Every method honours its
/// <see cref="CancellationToken"/>: the runner cancels it when the operation's timeout expires.
/// Objects are Newtonsoft <see cref="JObject"/> trees with bindings already substituted by the runner.
/// </summary>
public interface IClusterOperations
{
    /// <summary>Server-side applies an object.</summary>
    /// <param name="resource">The object (apiVersion, kind, metadata.name at least).</param>
    /// <param name="namespace">The namespace to use when the object is namespaced and names none; null leaves it as written.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The object as stored, and whether the operation created it (the runner cleans up only what a test created).</returns>
    Task<ClusterWriteResult> ApplyAsync(JObject resource, string? @namespace, CancellationToken cancellationToken);

    /// <summary>Creates an object; fails when it already exists.</summary>
    /// <param name="resource">The object.</param>
    /// <param name="namespace">The namespace to use when the object is namespaced and names none.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The object as stored (<see cref="ClusterWriteResult.Created"/> is true).</returns>
    Task<ClusterWriteResult> CreateAsync(JObject resource, string? @namespace, CancellationToken cancellationToken);

    /// <summary>Merges a partial object into an existing one (JSON merge patch); fails when it does not exist.</summary>
    /// <param name="resource">The partial object; apiVersion, kind and metadata.name identify the target.</param>
    /// <param name="namespace">The namespace to use when the object is namespaced and names none.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The object as stored (<see cref="ClusterWriteResult.Created"/> is false).</returns>
    Task<ClusterWriteResult> PatchAsync(JObject resource, string? @namespace, CancellationToken cancellationToken);

    /// <summary>Replaces an existing object; fails when it does not exist.</summary>
    /// <param name="resource">The full object.</param>
    /// <param name="namespace">The namespace to use when the object is namespaced and names none.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The object as stored (<see cref="ClusterWriteResult.Created"/> is false).</returns>
    Task<ClusterWriteResult> UpdateAsync(JObject resource, string? @namespace, CancellationToken cancellationToken);

    /// <summary>Deletes the objects a query selects (by name, or by label selector) and waits until they are gone.</summary>
    /// <param name="query">The objects to delete; a missing object is not an error.</param>
    /// <param name="cancellationToken">Cancels the wait (the runner's delete timeout).</param>
    /// <returns>The number of objects deleted.</returns>
    Task<int> DeleteAsync(ResourceQuery query, CancellationToken cancellationToken);

    /// <summary>Waits until the objects a query selects meet a condition (<c>kubectl wait</c>).</summary>
    /// <param name="query">The objects.</param>
    /// <param name="condition">What to wait for.</param>
    /// <param name="timeout">How long to wait before failing with a message that says what was last seen.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    Task WaitAsync(ResourceQuery query, WaitCondition condition, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Creates a namespace (the ephemeral namespace of a test); succeeds when it already exists.</summary>
    /// <param name="name">The namespace.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the namespace exists.</returns>
    Task CreateNamespaceAsync(string name, CancellationToken cancellationToken);

    /// <summary>Deletes a namespace and waits until it is gone.</summary>
    /// <param name="name">The namespace.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the namespace is gone.</returns>
    Task DeleteNamespaceAsync(string name, CancellationToken cancellationToken);

    /// <summary>Collects container logs of the pods a query selects (kind Pod; by name or label selector).</summary>
    /// <param name="query">The pods.</param>
    /// <param name="container">One container, or null for all.</param>
    /// <param name="tail">The last lines to keep, or null for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The logs, one block per pod and container, each headed by its name.</returns>
    Task<string> CollectPodLogsAsync(ResourceQuery query, string? container, int? tail, CancellationToken cancellationToken);

    /// <summary>Collects events in a namespace, optionally only those about one object.</summary>
    /// <param name="namespace">The namespace; null for all.</param>
    /// <param name="involvedObjectName">Only events about this object, or null for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The events as a table, oldest first.</returns>
    Task<string> CollectEventsAsync(string? @namespace, string? involvedObjectName, CancellationToken cancellationToken);

    /// <summary>Collects the objects a query selects as text (<c>kubectl get -o yaml</c>).</summary>
    /// <param name="query">The objects.</param>
    /// <param name="format">yaml, json or null for a table.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The text.</returns>
    Task<string> CollectGetAsync(ResourceQuery query, string? format, CancellationToken cancellationToken);

    /// <summary>Collects a description of the objects a query selects (<c>kubectl describe</c>).</summary>
    /// <param name="query">The objects.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The text.</returns>
    Task<string> CollectDescribeAsync(ResourceQuery query, CancellationToken cancellationToken);
}

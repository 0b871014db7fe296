using HomeLab.Assertions.Expressions;

namespace HomeLab.Assertions.Steps;

/// <summary>What C# code in a step sees: the cluster, the test's namespace and bindings.</summary>
/// <param name="Cluster">The cluster the test runs against.</param>
/// <param name="Namespace">The test's namespace.</param>
/// <param name="Bindings">The bindings in scope.</param>
/// <param name="CancellationToken">Cancelled when the operation times out or the run stops.</param>
public sealed record OperationContext(ClusterUnderTest Cluster, string Namespace, Bindings Bindings, CancellationToken CancellationToken);

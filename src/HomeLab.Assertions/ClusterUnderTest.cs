using System.Reflection;
using HomeLab.Assertions.Expressions;
using HomeLab.Assertions.Operations;
using HomeLab.Assertions.Reports;
using HomeLab.Assertions.Running;
using HomeLab.Assertions.Sources;
using HomeLab.Assertions.Steps;
using HomeLab.Assertions.Trees;
using k8s;
using k8s.Models;

namespace HomeLab.Assertions;

/// <summary>
/// The face of the library: assertions and tests against any <see cref="IResourceSource"/> (a live cluster,
/// rendered manifests, memory), with optional <see cref="IClusterOperations"/> for tests that change things.
/// <code>
/// await cluster.Assert("""
///     apiVersion: apps/v1
///     kind: Deployment
///     metadata: { name: istiod, namespace: istio-system }
///     status:
///       (readyReplicas >= `1`): true
///     """);
/// await cluster.Eventually&lt;V1Deployment&gt;("istiod", "istio-system", d => ..., timeout: TimeSpan.FromMinutes(2));
/// </code>
/// </summary>
public sealed class ClusterUnderTest
{
    /// <summary>Creates the object.</summary>
    /// <param name="source">Where objects are read.</param>
    /// <param name="operations">What changes the cluster; null for read-only use (rendered manifests).</param>
    /// <param name="timeProvider">The clock for timeouts and polling; the system clock when null.</param>
    public ClusterUnderTest(IResourceSource source, IClusterOperations? operations = null, TimeProvider? timeProvider = null)
    {
        Source = source ?? throw new ArgumentNullException(nameof(source));
        Operations = operations;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Where objects are read.</summary>
    public IResourceSource Source { get; }

    /// <summary>What changes the cluster, or null.</summary>
    public IClusterOperations? Operations { get; }

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Timeouts per operation kind; Chainsaw's defaults unless set.</summary>
    public Timeouts Timeouts { get; init; } = Timeouts.ChainsawDefaults;

    /// <summary>How often to look again when the source cannot watch.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether an expression error while waiting is a failed attempt, retried until the timeout (the default), or ends the
    /// wait at once, as Chainsaw does (kyverno/chainsaw#1823): set false to restore Chainsaw's behaviour.
    /// </summary>
    public bool RetryExpressionErrors { get; init; } = true;

    /// <summary>Bindings every assertion and test sees.</summary>
    public Bindings Bindings { get; init; } = Bindings.Empty;

    /// <summary>Reads environment variables for <c>env()</c> and commands; the process environment by default.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Waits until every tree in the YAML holds; throws with every field error and a diff when time runs out.</summary>
    /// <param name="yaml">One or more assertion trees (YAML documents).</param>
    /// <param name="timeout">How long to wait; the assert timeout when null.</param>
    /// <param name="match">Whether any or all objects selected by a tree without a name must match.</param>
    /// <param name="namespace">The namespace for trees that name none; null searches all namespaces.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the trees hold.</returns>
    /// <exception cref="AssertionFailedException">A tree did not hold in time.</exception>
    public Task Assert(string yaml, TimeSpan? timeout = null, CandidateMatch match = CandidateMatch.Any, string? @namespace = null, CancellationToken cancellationToken = default) =>
        Check(AssertionTree.ParseAll(yaml), false, timeout ?? Timeouts.Assert, match, @namespace, cancellationToken);

    /// <summary>Waits until a compiled tree holds.</summary>
    /// <param name="tree">The tree.</param>
    /// <param name="timeout">How long to wait; the assert timeout when null.</param>
    /// <param name="match">Whether any or all selected objects must match.</param>
    /// <param name="namespace">The namespace for a tree that names none.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the tree holds.</returns>
    /// <exception cref="AssertionFailedException">The tree did not hold in time.</exception>
    public Task Assert(AssertionTree tree, TimeSpan? timeout = null, CandidateMatch match = CandidateMatch.Any, string? @namespace = null, CancellationToken cancellationToken = default) =>
        Check([tree], false, timeout ?? Timeouts.Assert, match, @namespace, cancellationToken);

    /// <summary>Waits until the trees do not hold: no selected object exists or none matches (Chainsaw's error).</summary>
    /// <param name="yaml">One or more assertion trees.</param>
    /// <param name="timeout">How long to wait; the error timeout when null.</param>
    /// <param name="match">Any: fails while any selected object matches; All: fails while all do.</param>
    /// <param name="namespace">The namespace for trees that name none.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when no tree holds.</returns>
    /// <exception cref="AssertionFailedException">A tree still held when time ran out.</exception>
    public Task Error(string yaml, TimeSpan? timeout = null, CandidateMatch match = CandidateMatch.Any, string? @namespace = null, CancellationToken cancellationToken = default) =>
        Check(AssertionTree.ParseAll(yaml), true, timeout ?? Timeouts.Error, match, @namespace, cancellationToken);

    /// <summary>
    /// Reads an object as a KubernetesClient model and retries <paramref name="check"/> until it stops throwing
    /// (any exception: FluentAssertions', xunit's, your own) or the timeout expires.
    /// </summary>
    /// <typeparam name="T">A KubernetesClient model type, e.g. <c>V1Deployment</c>.</typeparam>
    /// <param name="name">The object's name.</param>
    /// <param name="namespace">Its namespace; null for a cluster-scoped kind.</param>
    /// <param name="check">Throws while the object is not as wanted.</param>
    /// <param name="timeout">How long to retry; the assert timeout when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The object as it was when the check passed.</returns>
    /// <exception cref="AssertionFailedException">The check still threw (or the object was missing) when time ran out.</exception>
    public async Task<T> Eventually<T>(string name, string? @namespace, Action<T> check, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(check);
        var entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{typeof(T).Name} has no [KubernetesEntity] attribute; use a KubernetesClient model type");
        var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
        var query = new ResourceQuery(apiVersion, entity.Kind, @namespace, name);
        T? seen = null;
        Exception? lastError = null;
        var outcome = await new Waiter(Source, TimeProvider, PollInterval).UntilAsync(
            async token =>
            {
                var json = await Source.GetAsync(query, token).ConfigureAwait(false);
                if (json is null)
                {
                    return CheckOutcome.Fail($"{apiVersion}/{entity.Kind} {@namespace}/{name}: not found in {Source.Description}");
                }

                seen = KubernetesJson.Deserialize<T>(json.ToString(Newtonsoft.Json.Formatting.None));
                try
                {
                    check(seen);
                    return CheckOutcome.Pass();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    lastError = ex;
                    return CheckOutcome.Fail($"{entity.Kind} {@namespace}/{name}: {ex.Message}");
                }
            },
            [query with { Name = null }],
            timeout ?? Timeouts.Assert ?? TimeSpan.FromSeconds(30),
            cancellationToken).ConfigureAwait(false);
        if (!outcome.Passed)
        {
            var message = string.Join('\n', outcome.Errors);
            throw lastError is null ? new AssertionFailedException(message) : new AssertionFailedException(message, lastError);
        }

        return seen!;
    }

    /// <summary>Runs a test (steps of operations) against this cluster.</summary>
    /// <param name="test">The test.</param>
    /// <param name="cancellationToken">Stops the test; clean-up still runs.</param>
    /// <returns>The report.</returns>
    public Task<TestReport> RunAsync(TestDefinition test, CancellationToken cancellationToken = default) =>
        new TestRunner(this).RunTestAsync(test, cancellationToken);

    /// <summary>Runs tests, in parallel unless they share a concurrency group.</summary>
    /// <param name="tests">The tests.</param>
    /// <param name="cancellationToken">Stops the run; clean-up still runs.</param>
    /// <returns>The report.</returns>
    public Task<RunReport> RunAsync(IEnumerable<TestDefinition> tests, CancellationToken cancellationToken = default) =>
        new TestRunner(this).RunAsync(tests, cancellationToken);

    /// <summary>The expression context assertions of this cluster evaluate with.</summary>
    /// <returns>The context.</returns>
    public ExpressionContext CreateExpressionContext() => new()
    {
        Source = Source,
        TimeProvider = TimeProvider,
        Environment = Environment,
    };

    private async Task Check(IReadOnlyList<AssertionTree> trees, bool expectMismatch, TimeSpan? timeout, CandidateMatch match, string? ns, CancellationToken cancellationToken)
    {
        var options = new EvaluationOptions { Bindings = Bindings.WithBuiltIns(Source.Description, null), Context = CreateExpressionContext() };
        var outcome = await new ResourceCheck(Source, TimeProvider, PollInterval, RetryExpressionErrors)
            .WaitAsync(trees, options, ns, match, expectMismatch, timeout ?? TimeSpan.FromSeconds(30), cancellationToken)
            .ConfigureAwait(false);
        if (!outcome.Passed)
        {
            throw new AssertionFailedException(outcome.Errors, outcome.Output);
        }
    }
}

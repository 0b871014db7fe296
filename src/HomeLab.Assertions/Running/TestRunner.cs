using System.Text;
using HomeLab.Assertions.Expressions;
using HomeLab.Assertions.Reports;
using HomeLab.Assertions.Sources;
using HomeLab.Assertions.Steps;
using HomeLab.Assertions.Trees;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Running;

/// <summary>
/// Runs tests: steps in order; in a step, try (stops at the first failure), catch (only after a failure),
/// finally (always); at the end of the test, clean-up in reverse order — step clean-ups and the deletion of
/// every object the test created — then the test's ephemeral namespace. Tests run in parallel unless they share
/// a concurrency group.
/// </summary>
public sealed class TestRunner
{
    private readonly ClusterUnderTest _cluster;

    /// <summary>Creates a runner.</summary>
    /// <param name="cluster">The cluster tests run against.</param>
    public TestRunner(ClusterUnderTest cluster) => _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));

    /// <summary>How many tests run at once.</summary>
    public int MaxParallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>The prefix of ephemeral namespace names: <c>hl-&lt;test&gt;-&lt;random&gt;</c>.</summary>
    public string NamespacePrefix { get; init; } = "hl";

    /// <summary>Runs tests; tests in one concurrency group run one after another, in the order given.</summary>
    /// <param name="tests">The tests.</param>
    /// <param name="cancellationToken">Stops the run; clean-up still runs.</param>
    /// <returns>The report, tests in the order given.</returns>
    public async Task<RunReport> RunAsync(IEnumerable<TestDefinition> tests, CancellationToken cancellationToken = default)
    {
        var list = tests.ToList();
        var started = _cluster.TimeProvider.GetTimestamp();
        var reports = new TestReport[list.Count];
        using var slots = new SemaphoreSlim(MaxParallelism);
        var lanes = list.Select((t, i) => (Test: t, Index: i))
            .GroupBy(x => x.Test.ConcurrencyGroup ?? "\0" + x.Index)
            .Select(lane => Task.Run(async () =>
            {
                foreach (var (test, index) in lane)
                {
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        reports[index] = await RunTestAsync(test, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }
            }, cancellationToken));
        await Task.WhenAll(lanes).ConfigureAwait(false);
        return new RunReport(reports, _cluster.TimeProvider.GetElapsedTime(started));
    }

    /// <summary>Runs one test.</summary>
    /// <param name="test">The test.</param>
    /// <param name="cancellationToken">Stops the test; clean-up still runs.</param>
    /// <returns>The report.</returns>
    public async Task<TestReport> RunTestAsync(TestDefinition test, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(test);
        var ns = test.Namespace ?? EphemeralNamespace(test.Name);
        if (test.Skip is not null)
        {
            return new TestReport(test.Name, ns, ReportStatus.Skipped, TimeSpan.Zero, [], [], test.Skip);
        }

        if (test.LoadError is not null)
        {
            var load = new OperationReport(OperationKind.Command, OperationPhase.Try, "load the test file", ReportStatus.Failed, TimeSpan.Zero, [test.LoadError], string.Empty);
            return new TestReport(test.Name, ns, ReportStatus.Failed, TimeSpan.Zero, [new StepReport("load", ReportStatus.Failed, TimeSpan.Zero, [load])], []);
        }

        var started = _cluster.TimeProvider.GetTimestamp();
        var context = _cluster.CreateExpressionContext();
        var run = new TestRun(_cluster, ns, _cluster.Timeouts.With(test.Timeouts));
        var steps = new List<StepReport>();
        var failed = false;
        try
        {
            if (test.Namespace is null && _cluster.Operations is not null)
            {
                var created = await run.ExecuteAsync(
                    new Operation(OperationKind.Code) { Description = "create namespace " + ns, Code = c => _cluster.Operations.CreateNamespaceAsync(ns, c.CancellationToken) },
                    OperationPhase.Try, Bindings.Empty, run.Timeouts, cancellationToken).ConfigureAwait(false);
                failed = created.Status == ReportStatus.Failed;
                run.Defer(new Operation(OperationKind.Code)
                {
                    Description = "delete namespace " + ns,
                    Code = c => _cluster.Operations.DeleteNamespaceAsync(ns, c.CancellationToken),
                });
                if (failed)
                {
                    steps.Add(new StepReport("setup", ReportStatus.Failed, TimeSpan.Zero, [created]));
                }
            }

            var bindings = _cluster.Bindings.WithBuiltIns(_cluster.Source.Description, ns).With("test", test.Name);
            try
            {
                bindings = Templating.Bind(bindings, test.Bindings, context);
            }
            catch (ExpressionException ex)
            {
                failed = true;
                steps.Add(new StepReport("bindings", ReportStatus.Failed, TimeSpan.Zero, [Failure(OperationKind.Code, OperationPhase.Try, "bind", ex.Message)]));
            }

            foreach (var step in test.Steps)
            {
                if (failed || cancellationToken.IsCancellationRequested)
                {
                    steps.Add(new StepReport(step.Name, ReportStatus.Skipped, TimeSpan.Zero, []));
                    continue;
                }

                var report = await run.RunStepAsync(step, test, bindings, context, cancellationToken).ConfigureAwait(false);
                failed = report.Status == ReportStatus.Failed;
                steps.Add(report);
            }
        }
        finally
        {
            // Clean-up runs even when the run was cancelled: with its own timeouts, not the run's token.
            await run.CleanupAsync().ConfigureAwait(false);
        }

        var cleanupFailed = run.CleanupReports.Any(r => r.Status == ReportStatus.Failed);
        return new TestReport(
            test.Name,
            ns,
            failed || cleanupFailed ? ReportStatus.Failed : ReportStatus.Passed,
            _cluster.TimeProvider.GetElapsedTime(started),
            steps,
            run.CleanupReports);
    }

    internal static OperationReport Failure(OperationKind kind, OperationPhase phase, string description, string error) =>
        new(kind, phase, description, ReportStatus.Failed, TimeSpan.Zero, [error], string.Empty);

    private string EphemeralNamespace(string testName)
    {
        var slug = new StringBuilder();
        foreach (var c in testName.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var core = slug.ToString().Trim('-');
        core = core.Length > 40 ? core[..40].TrimEnd('-') : core;
        var suffix = Guid.NewGuid().ToString("N")[..5];
        return $"{NamespacePrefix}-{(core.Length > 0 ? core + "-" : string.Empty)}{suffix}";
    }

    /// <summary>The state of one test while it runs: its namespace, timeouts and clean-up stack.</summary>
    private sealed class TestRun(ClusterUnderTest cluster, string ns, Timeouts timeouts)
    {
        private readonly Stack<(Operation Operation, Bindings Bindings, Timeouts Timeouts)> _cleanup = new();
        private readonly List<OperationReport> _cleanupReports = [];

        public Timeouts Timeouts { get; } = timeouts;

        public IReadOnlyList<OperationReport> CleanupReports => _cleanupReports;

        public void Defer(Operation operation, Bindings? bindings = null, Timeouts? stepTimeouts = null) =>
            _cleanup.Push((operation, bindings ?? Bindings.Empty, stepTimeouts ?? Timeouts));

        public async Task<StepReport> RunStepAsync(StepDefinition step, TestDefinition test, Bindings bindings, ExpressionContext context, CancellationToken cancellationToken)
        {
            var started = cluster.TimeProvider.GetTimestamp();
            var stepTimeouts = Timeouts.With(step.Timeouts);
            var reports = new List<OperationReport>();
            var failed = false;
            try
            {
                bindings = Templating.Bind(bindings, step.Bindings, context);
                if (step.Template is not null)
                {
                    // A step template is read when its step runs; its defaults first, then the caller's arguments over them.
                    var testDirectory = test.Span.IsKnown ? Path.GetDirectoryName(Path.GetFullPath(test.Span.File)) : null;
                    var template = Chainsaw.ChainsawTestLoader.LoadStepTemplate(step.Template, testDirectory ?? Path.GetDirectoryName(step.Template) ?? ".");
                    bindings = Templating.Bind(Templating.Bind(bindings, template.Bindings, context), step.TemplateBindings, context);
                    step = step with { Try = template.Try, Catch = template.Catch, Finally = template.Finally, Cleanup = template.Cleanup };
                }
            }
            catch (ExpressionException ex)
            {
                return new StepReport(step.Name, ReportStatus.Failed, TimeSpan.Zero, [Failure(OperationKind.Code, OperationPhase.Try, "bind", ex.Message)]);
            }
            catch (Chainsaw.ChainsawFormatException ex)
            {
                return new StepReport(step.Name, ReportStatus.Failed, TimeSpan.Zero, [Failure(OperationKind.Code, OperationPhase.Try, "use " + step.Template, ex.Message)]);
            }

            foreach (var operation in step.Try)
            {
                var (report, outputs) = await ExecuteWithOutputsAsync(operation, OperationPhase.Try, bindings, stepTimeouts, cancellationToken).ConfigureAwait(false);
                reports.Add(report);
                bindings = outputs;
                if (report.Status == ReportStatus.Failed && !operation.ContinueOnError)
                {
                    failed = true;
                    break;
                }

                failed |= report.Status == ReportStatus.Failed;
            }

            if (failed)
            {
                foreach (var operation in step.Catch.Concat(test.Catch))
                {
                    reports.Add(await ExecuteAsync(operation, OperationPhase.Catch, bindings, stepTimeouts, CancellationToken.None).ConfigureAwait(false));
                }
            }

            foreach (var operation in step.Finally)
            {
                reports.Add(await ExecuteAsync(operation, OperationPhase.Finally, bindings, stepTimeouts, CancellationToken.None).ConfigureAwait(false));
            }

            // Pushed in reverse so that, popped, a step's clean-up runs in the order written.
            foreach (var operation in step.Cleanup.Reverse())
            {
                Defer(operation, bindings, stepTimeouts);
            }

            return new StepReport(step.Name, failed ? ReportStatus.Failed : ReportStatus.Passed, cluster.TimeProvider.GetElapsedTime(started), reports);
        }

        public async Task CleanupAsync()
        {
            while (_cleanup.TryPop(out var item))
            {
                var timeouts = item.Timeouts;
                var cleanupTimeout = timeouts.Cleanup;
                var report = await ExecuteAsync(item.Operation with { Timeout = item.Operation.Timeout ?? cleanupTimeout }, OperationPhase.Cleanup, item.Bindings, timeouts, CancellationToken.None).ConfigureAwait(false);
                _cleanupReports.Add(report);
            }
        }

        public async Task<OperationReport> ExecuteAsync(Operation operation, OperationPhase phase, Bindings bindings, Timeouts stepTimeouts, CancellationToken cancellationToken) =>
            (await ExecuteWithOutputsAsync(operation, phase, bindings, stepTimeouts, cancellationToken).ConfigureAwait(false)).Report;

        /// <summary>Runs an operation; returns its report and the step's bindings after it, its outputs added.</summary>
        public async Task<(OperationReport Report, Bindings Bindings)> ExecuteWithOutputsAsync(Operation operation, OperationPhase phase, Bindings bindings, Timeouts stepTimeouts, CancellationToken cancellationToken)
        {
            var stepBindings = bindings;
            var timeout = operation.Timeout ?? stepTimeouts.For(operation.Kind);
            var started = cluster.TimeProvider.GetTimestamp();
            var description = Describe(operation);
            CheckOutcome outcome;
            try
            {
                operation = Chainsaw.ChainsawTestLoader.ReadFiles(operation);
                bindings = Templating.Bind(bindings, operation.Bindings, cluster.CreateExpressionContext());
                outcome = await new OperationExecutor(cluster, ns, bindings, this).ExecuteAsync(operation, timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Chainsaw.ChainsawFormatException ex)
            {
                outcome = CheckOutcome.Fail(ex.Message);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = CheckOutcome.Fail($"timed out after {timeout?.TotalSeconds:0.###}s");
            }
            catch (OperationCanceledException)
            {
                outcome = CheckOutcome.Fail("cancelled");
            }
            catch (Exception ex) when (ex is ExpressionException or AssertionSyntaxException or InvalidOperationException
                or TimeoutException or IOException or HttpRequestException or HomeLab.Tools.ToolNotFoundException
                or k8s.Autorest.HttpOperationException or FormatException or ArgumentException)
            {
                outcome = CheckOutcome.Fail(ex.Message);
            }

            var status = outcome.Passed ? ReportStatus.Passed : ReportStatus.Failed;
            if (operation.IsCollector && !outcome.Passed)
            {
                // A collector that cannot collect does not make a test fail; its message is kept.
                status = ReportStatus.Passed;
            }

            var report = new OperationReport(operation.Kind, phase, description, status, cluster.TimeProvider.GetElapsedTime(started), outcome.Errors, outcome.Output);
            return (report, outcome.Passed ? outcome.Outputs.Aggregate(stepBindings, (b, o) => b.With(o.Key, o.Value)) : stepBindings);
        }

        public void RegisterCreated(JObject obj, Bindings bindings)
        {
            var (apiVersion, kind, objNs, name) = ResourceIndex.Identify(obj);
            Defer(
                new Operation(OperationKind.Delete)
                {
                    Description = $"delete created {apiVersion}/{kind} {(objNs is null ? string.Empty : objNs + "/")}{name}",
                    Target = new ResourceQuery(apiVersion, kind, objNs, name),
                },
                bindings);
        }

        private static string Describe(Operation operation)
        {
            if (operation.Description is not null)
            {
                return operation.Description;
            }

            var kind = operation.Kind.ToString().ToLowerInvariant();
            var where = operation.Span.IsKnown ? $" ({operation.Span})" : string.Empty;
            var what = operation.Kind switch
            {
                OperationKind.Command => " " + operation.Entrypoint,
                OperationKind.Sleep => $" {operation.Duration?.TotalSeconds:0.###}s",
                _ when operation.Target is { } t => $" {t.Kind} {t.Name ?? t.LabelSelector}",
                _ when operation.Resources.Count > 0 && operation.Resources[0] is Manifests.Yaml.YamlMap m =>
                    $" {m.GetString("kind")} {m.GetMap("metadata")?.GetString("name")}",
                _ => string.Empty,
            };
            return kind + what + where;
        }
    }

    /// <summary>Executes one operation of a test run.</summary>
    private sealed class OperationExecutor(ClusterUnderTest cluster, string ns, Bindings bindings, TestRun run)
    {
        public async Task<CheckOutcome> ExecuteAsync(Operation operation, TimeSpan? timeout, CancellationToken cancellationToken)
        {
            using var timeoutSource = timeout is { } t ? new CancellationTokenSource(t, cluster.TimeProvider) : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
            var token = linked.Token;
            var context = cluster.CreateExpressionContext() with { CancellationToken = token };
            var options = new EvaluationOptions { Bindings = bindings, Context = context, AllowEmptyIteration = operation.AllowEmptyIteration };
            switch (operation.Kind)
            {
                case OperationKind.Assert or OperationKind.Error:
                    var trees = operation.Resources.Select(AssertionTree.From).ToList();
                    return await new ResourceCheck(cluster.Source, cluster.TimeProvider, cluster.PollInterval, cluster.RetryExpressionErrors)
                        .WaitAsync(trees, options, ns, operation.Match, operation.Kind == OperationKind.Error, timeout ?? TimeSpan.FromSeconds(30), cancellationToken)
                        .ConfigureAwait(false);
                case OperationKind.Apply or OperationKind.Create or OperationKind.Patch or OperationKind.Update:
                    var ops = Operations(operation);
                    var outputs = new List<KeyValuePair<string, JToken>>();
                    foreach (var resource in operation.Resources)
                    {
                        if (Templating.Render(resource, bindings, context) is not JObject obj)
                        {
                            return CheckOutcome.Fail($"{resource.Span}: a resource must be a map");
                        }

                        var result = operation.Kind switch
                        {
                            OperationKind.Apply => await ops.ApplyAsync(obj, ns, token).ConfigureAwait(false),
                            OperationKind.Create => await ops.CreateAsync(obj, ns, token).ConfigureAwait(false),
                            OperationKind.Patch => await ops.PatchAsync(obj, ns, token).ConfigureAwait(false),
                            _ => await ops.UpdateAsync(obj, ns, token).ConfigureAwait(false),
                        };
                        if (result.Created)
                        {
                            run.RegisterCreated(result.Object, bindings);
                        }

                        outputs.AddRange(Templating.Outputs(operation.Outputs, result.Object, bindings, context));
                    }

                    return CheckOutcome.Pass() with { Outputs = outputs };
                case OperationKind.Delete:
                    var deleted = 0;
                    foreach (var query in Targets(operation, options))
                    {
                        deleted += await Operations(operation).DeleteAsync(query, token).ConfigureAwait(false);
                    }

                    return CheckOutcome.Pass($"deleted {deleted} object(s)");
                case OperationKind.Wait:
                    var target = Target(operation);
                    await Operations(operation).WaitAsync(target, operation.Condition ?? HomeLab.Assertions.Operations.WaitCondition.ForCondition("Ready"), timeout ?? TimeSpan.FromSeconds(30), token).ConfigureAwait(false);
                    return CheckOutcome.Pass();
                case OperationKind.Command or OperationKind.Script:
                    return await ProcessStep.RunAsync(operation, ns, bindings, context, cluster.Environment, token).ConfigureAwait(false);
                case OperationKind.Sleep:
                    await Task.Delay(operation.Duration ?? TimeSpan.Zero, cluster.TimeProvider, cancellationToken).ConfigureAwait(false);
                    return CheckOutcome.Pass();
                case OperationKind.PodLogs:
                    return CheckOutcome.Pass(await Operations(operation).CollectPodLogsAsync(Target(operation, "v1", "Pod"), operation.Container, operation.Tail, token).ConfigureAwait(false));
                case OperationKind.Events:
                    return CheckOutcome.Pass(await Operations(operation).CollectEventsAsync(operation.Target?.Namespace ?? ns, operation.Target?.Name, token).ConfigureAwait(false));
                case OperationKind.Get:
                    return CheckOutcome.Pass(await Operations(operation).CollectGetAsync(Target(operation), operation.Format, token).ConfigureAwait(false));
                case OperationKind.Describe:
                    return CheckOutcome.Pass(await Operations(operation).CollectDescribeAsync(Target(operation), token).ConfigureAwait(false));
                default:
                    if (operation.Code is null)
                    {
                        return CheckOutcome.Fail("a code operation needs code");
                    }

                    try
                    {
                        await operation.Code(new OperationContext(cluster, ns, bindings, token)).ConfigureAwait(false);
                        return CheckOutcome.Pass();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                    {
                        return CheckOutcome.Fail(ex.Message);
                    }
            }
        }

        private Operations.IClusterOperations Operations(Operation operation) => cluster.Operations
            ?? throw new InvalidOperationException($"{operation.Kind.ToString().ToLowerInvariant()} needs cluster operations, and {cluster.Source.Description} is read-only");

        private ResourceQuery Target(Operation operation, string? apiVersion = null, string? kind = null)
        {
            var target = operation.Target ?? new ResourceQuery(apiVersion ?? "v1", kind ?? "Pod");
            return target.Namespace is null && !Manifests.Objects.ClusterScopedKinds.BuiltIn.Contains(target.Kind) ? target with { Namespace = ns } : target;
        }

        private IEnumerable<ResourceQuery> Targets(Operation operation, EvaluationOptions options)
        {
            if (operation.Target is not null)
            {
                yield return Target(operation);
            }

            foreach (var resource in operation.Resources)
            {
                if (AssertionTree.From(resource).ToQuery(options, ns) is { } query)
                {
                    yield return query;
                }
            }
        }
    }
}

using HomeLab.Assertions.Sources;
using HomeLab.Assertions.Steps;
using HomeLab.Assertions.Trees;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Running;

/// <summary>
/// Checks assertion trees against a source, once (<see cref="CheckAllAsync"/>) or until they hold
/// (<see cref="WaitAsync"/>): by the source's watch when it has one, else by polling on the injected clock.
/// Expression errors are failed attempts like any other, retried until the timeout (kyverno/chainsaw#1823), unless
/// <c>retryExpressionErrors</c> is false: then the first one ends the wait, as in Chainsaw.
/// </summary>
internal sealed class ResourceCheck(IResourceSource source, TimeProvider time, TimeSpan pollInterval, bool retryExpressionErrors = true)
{
    public Task<CheckOutcome> WaitAsync(
        IReadOnlyList<AssertionTree> trees,
        EvaluationOptions options,
        string? defaultNamespace,
        CandidateMatch match,
        bool expectMismatch,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var queries = new List<ResourceQuery>();
        foreach (var tree in trees)
        {
            try
            {
                if (tree.ToQuery(options, defaultNamespace) is { } query)
                {
                    queries.Add(query with { Name = null });
                }
            }
            catch (Expressions.ExpressionException)
            {
                // Reported by the check itself.
            }
        }

        return new Waiter(source, time, pollInterval).UntilAsync(
            token => CheckAllAsync(trees, options with { Context = options.Context with { CancellationToken = token } }, defaultNamespace, match, expectMismatch, token),
            queries,
            timeout,
            cancellationToken);
    }

    public async Task<CheckOutcome> CheckAllAsync(
        IReadOnlyList<AssertionTree> trees,
        EvaluationOptions options,
        string? defaultNamespace,
        CandidateMatch match,
        bool expectMismatch,
        CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var output = new List<string>();
        var final = false;
        foreach (var tree in trees)
        {
            var outcome = await CheckOneAsync(tree, options, defaultNamespace, match, expectMismatch, cancellationToken).ConfigureAwait(false);
            errors.AddRange(outcome.Errors);
            final |= outcome.Final;
            if (outcome.Output.Length > 0)
            {
                output.Add(outcome.Output);
            }
        }

        return new CheckOutcome(errors.Count == 0, errors, string.Join('\n', output)) { Final = final };
    }

    private async Task<CheckOutcome> CheckOneAsync(
        AssertionTree tree, EvaluationOptions options, string? defaultNamespace, CandidateMatch match, bool expectMismatch, CancellationToken cancellationToken)
    {
        ResourceQuery? query;
        try
        {
            query = tree.ToQuery(options, defaultNamespace);
        }
        catch (Expressions.ExpressionException ex)
        {
            return CheckOutcome.Fail($"{Where(tree)}{ex.Message}") with { Final = !retryExpressionErrors };
        }

        if (query is null)
        {
            // A non-resource assertion (no apiVersion and kind): evaluated once with nothing as @, as Chainsaw does.
            var result = tree.Evaluate(null, options);
            if (expectMismatch)
            {
                return result.IsMatch ? CheckOutcome.Fail($"{Where(tree)}the assertion holds, but the error operation expects it not to") : CheckOutcome.Pass();
            }

            return result.IsMatch
                ? CheckOutcome.Pass()
                : new CheckOutcome(false, [.. result.Errors.Select(e => e.Span.IsKnown ? $"{e.Span}: {e.Message}" : e.Message)], result.Diff) { Final = StopsWaiting(result) };
        }

        IReadOnlyList<JObject> candidates;
        try
        {
            candidates = await CandidateVerdict.FindAsync(source, query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return CheckOutcome.Fail($"{Where(tree)}{Describe(query)}: cannot read from {source.Description}: {ex.Message}");
        }

        if (candidates.Count == 0)
        {
            return expectMismatch
                ? CheckOutcome.Pass()
                : CheckOutcome.Fail($"{Where(tree)}{Describe(query)}: not found in {source.Description}");
        }

        var judged = CandidateVerdict.Judge(tree, candidates, options, match);
        var verdict = judged.Holds;
        var many = candidates.Count > 1;
        var summary = judged.Summary;
        if (expectMismatch)
        {
            return verdict
                ? CheckOutcome.Fail($"{Where(tree)}{Describe(query)}: matches, but the error operation expects it not to{(many ? ": " + summary : string.Empty)}")
                : CheckOutcome.Pass(summary);
        }

        if (verdict)
        {
            return CheckOutcome.Pass(summary);
        }

        var shown = judged.Shown;
        var errors = new List<string>();
        if (many)
        {
            errors.Add($"{Where(tree)}{Describe(query)}: {summary}");
        }

        foreach (var (obj, result) in shown)
        {
            var prefix = many ? $"{Name(obj)}: " : string.Empty;
            errors.AddRange(result.Errors.Select(e => e.Span.IsKnown ? $"{e.Span}: {prefix}{e.Message}" : prefix + e.Message));
        }

        return new CheckOutcome(false, errors, string.Join('\n', shown.Select(s => (many ? $"# {Name(s.Object)}\n" : string.Empty) + s.Result.Diff)))
        {
            Final = shown.Any(s => StopsWaiting(s.Result)),
        };
    }

    private bool StopsWaiting(AssertionResult result) => !retryExpressionErrors && result.Errors.Any(e => e.Type == FieldErrorType.Expression);

    private static string Where(AssertionTree tree) => tree.Span.IsKnown ? $"{tree.Span}: " : string.Empty;

    private static string Describe(ResourceQuery q) =>
        $"{q.ApiVersion}/{q.Kind} {(q.Namespace is null ? string.Empty : q.Namespace + "/")}{q.Name ?? (q.LabelSelector is null ? "(all)" : "(" + q.LabelSelector + ")")}";

    private static string Name(JObject obj) =>
        ((string?)obj["metadata"]?["namespace"] is { } ns ? ns + "/" : string.Empty) + (string?)obj["metadata"]?["name"];
}

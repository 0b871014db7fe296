using HomeLab.Assertions.Running;
using HomeLab.Assertions.Sources;
using HomeLab.Assertions.Steps;
using HomeLab.Assertions.Trees;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Offline;

/// <summary>
/// Checks assertion files against resource files without a cluster (what <c>chainsaw assert</c> does, but each
/// tree finds its objects by apiVersion, kind, namespace and name, or by labels — not "the first object loaded").
/// Wrapped by <c>./build.sh Assert --assertion &lt;file&gt; --resources &lt;file or dir&gt;</c>.
/// </summary>
public static class OfflineAssertion
{
    /// <summary>The rule id of a mismatch finding.</summary>
    public const string MismatchRule = "assert/mismatch";

    /// <summary>The rule id of a finding about an object that is not there.</summary>
    public const string NotFoundRule = "assert/not-found";

    /// <summary>The rule id of the note that a Chainsaw test was skipped, with the reason (what this runner cannot run).</summary>
    public const string SkippedRule = "assert/chainsaw-skipped";

    /// <summary>The rule id of a finding about an assertion file that cannot be read.</summary>
    public const string SyntaxRule = "assert/syntax";

    /// <summary>Checks every tree in the assertion files against the resources.</summary>
    /// <param name="assertionFiles">YAML files of assertion trees.</param>
    /// <param name="resourcePaths">Resource files or directories.</param>
    /// <param name="match">Any or all objects selected by a tree without a name.</param>
    /// <param name="cancellationToken">Cancels loading.</param>
    /// <returns>Findings: one per field error (at the assertion's file:line), per missing object, per load error. None means every tree holds.</returns>
    public static async Task<IReadOnlyList<Finding>> CheckAsync(
        IEnumerable<string> assertionFiles, IEnumerable<string> resourcePaths, CandidateMatch match = CandidateMatch.Any, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertionFiles);
        var (source, set) = await ManifestSource.LoadAsync(resourcePaths, cancellationToken).ConfigureAwait(false);
        var findings = set.Findings.Where(f => f.Severity == Severity.Error).Concat(source.Findings).ToList();
        foreach (var file in assertionFiles)
        {
            IReadOnlyList<AssertionTree> trees;
            try
            {
                trees = AssertionTree.LoadFile(file);
            }
            catch (AssertionSyntaxException ex)
            {
                findings.Add(new Finding(SyntaxRule, Severity.Error, ex.Message) { Span = ex.Span.IsKnown ? ex.Span : SourceSpan.At(file, 1, 1) });
                continue;
            }

            if (trees.Count == 0)
            {
                findings.Add(new Finding(SyntaxRule, Severity.Error, "the file holds no assertion tree, so it would check nothing")
                {
                    Span = SourceSpan.At(file, 1, 1),
                    Hint = "write a tree (apiVersion, kind, metadata and the fields to check), or leave the file out",
                });
                continue;
            }

            if (trees.Any(t => ChainsawTests.IsTest(t.Source)))
            {
                findings.AddRange(await ChainsawTests.RunAsync(file, source, cancellationToken).ConfigureAwait(false));
                continue;
            }

            foreach (var tree in trees)
            {
                findings.AddRange(await CheckTreeAsync(tree, source, match, cancellationToken).ConfigureAwait(false));
            }
        }

        return findings;
    }

    /// <summary>Checks one tree against a rendered source.</summary>
    /// <param name="tree">The tree.</param>
    /// <param name="source">The objects.</param>
    /// <param name="match">Any or all selected objects.</param>
    /// <param name="cancellationToken">Cancels reads.</param>
    /// <returns>The findings; none when the tree holds.</returns>
    public static async Task<IReadOnlyList<Finding>> CheckTreeAsync(AssertionTree tree, ManifestSource source, CandidateMatch match = CandidateMatch.Any, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(source);
        var options = new EvaluationOptions
        {
            Bindings = Expressions.Bindings.Empty.WithBuiltIns(source.Description, "default"),
            Context = Expressions.ExpressionContext.Default with { Source = source },
        };
        var query = tree.ToQuery(options);
        if (query is null)
        {
            // A non-resource assertion (no apiVersion and kind): Chainsaw evaluates it once, with nothing as @.
            var nonResource = tree.Evaluate(null, options);
            return nonResource.Errors.Select(e => new Finding(MismatchRule, Severity.Error, e.Message) { Span = e.Span.IsKnown ? e.Span : tree.Span, FieldPath = e.Path }).ToList();
        }

        var candidates = await CandidateVerdict.FindAsync(source, query, cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return [new Finding(NotFoundRule, Severity.Error, $"{query.ApiVersion}/{query.Kind} {query.Namespace}{(query.Namespace is null ? string.Empty : "/")}{query.Name ?? query.LabelSelector}: not found in {source.Description}")
            {
                Span = tree.Span,
                Hint = "objects are looked up by apiVersion, kind, namespace and name; check all four",
            }];
        }

        var verdict = CandidateVerdict.Judge(tree, candidates, options, match);
        if (verdict.Holds)
        {
            return [];
        }

        var findings = new List<Finding>();
        foreach (var (obj, result) in verdict.Shown)
        {
            var origin = source.OriginOf(obj);
            foreach (var error in result.Errors)
            {
                findings.Add(new Finding(MismatchRule, Severity.Error, error.Message)
                {
                    Span = error.Span.IsKnown ? error.Span : tree.Span,
                    Object = origin?.Ref,
                    FieldPath = error.Path,
                    Hint = origin is null ? null : $"object at {origin.Span}" + (verdict.Summary.Length > 0 ? $"; {verdict.Summary}" : string.Empty),
                });
            }
        }

        return findings;
    }
}

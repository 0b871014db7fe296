using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Pipeline.Findings;

/// <summary>
/// Every finding of a run, once each: the same problem in a shared base file renders into every environment, so
/// it is kept (and shown) once. Recording is linear in the number of findings and safe from parallel targets.
/// </summary>
public sealed class FindingLedger
{
    private readonly Lock gate = new();
    private readonly HashSet<FindingKey> seen = [];
    private readonly List<Finding> findings = [];

    /// <summary>Records findings and returns the ones not seen before.</summary>
    /// <param name="candidates">The findings.</param>
    /// <param name="environment">The environment they come from, appended to their messages; null for none.</param>
    /// <returns>The new findings, labelled with the environment.</returns>
    public IReadOnlyList<Finding> Record(IEnumerable<Finding> candidates, string? environment)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var fresh = new List<Finding>();
        lock (gate)
        {
            foreach (var finding in candidates)
            {
                if (!seen.Add(new FindingKey(finding.RuleId, finding.Span, finding.Message, finding.FieldPath)))
                {
                    continue;
                }

                findings.Add(finding);
                fresh.Add(environment is null ? finding : finding with { Message = $"{finding.Message} ({environment})" });
            }
        }

        return fresh;
    }

    /// <summary>Every finding recorded so far, in the order recorded.</summary>
    /// <returns>A copy.</returns>
    public IReadOnlyList<Finding> Snapshot()
    {
        lock (gate)
        {
            return [.. findings];
        }
    }

    /// <summary>Whether any recorded finding is an error.</summary>
    public bool HasErrors => Count(Severity.Error) > 0;

    /// <summary>How many recorded findings have a severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The count.</returns>
    public int Count(Severity severity)
    {
        lock (gate)
        {
            return findings.Count(f => f.Severity == severity);
        }
    }

    /// <summary>The counts for a summary: <c>2 errors, 5 warnings, 3 notes</c>.</summary>
    /// <param name="notesShown">Whether notes were printed; when not, the summary says where they are shown.</param>
    /// <returns>The text.</returns>
    public string Summary(bool notesShown)
    {
        static string Counted(int n, string word) => $"{n} {word}{(n == 1 ? string.Empty : "s")}";
        var notes = Count(Severity.Info);
        return string.Join(
            ", ",
            Counted(Count(Severity.Error), "error"),
            Counted(Count(Severity.Warning), "warning"),
            Counted(notes, "note") + (!notesShown && notes > 0 ? " (shown with --verbosity verbose)" : string.Empty));
    }

    private readonly record struct FindingKey(string RuleId, SourceSpan? Span, string Message, string? FieldPath);
}

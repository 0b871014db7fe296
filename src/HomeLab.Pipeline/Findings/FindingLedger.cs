using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Pipeline.Findings;

/// <summary>
/// Every finding of a run, once each: the same problem in a shared base file renders into every environment, so
/// it is kept (and shown) once, naming every environment it was found in. Recording is linear in the number of
/// findings and safe from parallel targets.
/// </summary>
public sealed class FindingLedger
{
    private readonly Lock gate = new();
    private readonly Dictionary<FindingKey, int> seen = [];
    private readonly List<Finding> findings = [];

    /// <summary>Records findings and returns the ones not seen before.</summary>
    /// <param name="candidates">The findings.</param>
    /// <param name="environment">The environment they come from, appended to their messages; null for none.</param>
    /// <returns>The new findings, labelled with the environment.</returns>
    public IReadOnlyList<Finding> Record(IEnumerable<Finding> candidates, string? environment)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return Record(candidates.Select(f => (f, environment)));
    }

    /// <summary>
    /// Records the findings of several environments at once and returns the ones not seen before, each labelled with
    /// every environment of the batch it was found in: the same finding (rule, place, message, field) from k3d and k3s
    /// is one finding, <c>(k3d, k3s)</c>. A finding seen in an earlier batch is not returned again; the environment is
    /// added to the recorded one.
    /// </summary>
    /// <param name="candidates">The findings, each with the environment it comes from (null for none).</param>
    /// <returns>The new findings, labelled with their environments.</returns>
    public IReadOnlyList<Finding> Record(IEnumerable<(Finding Finding, string? Environment)> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var fresh = new List<int>();
        lock (gate)
        {
            foreach (var (finding, environment) in candidates)
            {
                var key = new FindingKey(finding.RuleId, finding.Span, finding.Message, finding.FieldPath);
                if (seen.TryGetValue(key, out var at))
                {
                    if (environment is not null && !findings[at].Environments.Contains(environment, StringComparer.Ordinal))
                    {
                        findings[at] = findings[at] with { Environments = [.. findings[at].Environments, environment] };
                    }

                    continue;
                }

                seen.Add(key, findings.Count);
                fresh.Add(findings.Count);
                findings.Add(environment is null ? finding : finding with { Environments = [environment] });
            }

            return [.. fresh.Select(i => Labelled(findings[i]))];
        }
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

    private static Finding Labelled(Finding finding) =>
        finding.Environments.Count == 0 ? finding : finding with { Message = $"{finding.Message} ({string.Join(", ", finding.Environments)})" };

    private readonly record struct FindingKey(string RuleId, SourceSpan? Span, string Message, string? FieldPath);
}

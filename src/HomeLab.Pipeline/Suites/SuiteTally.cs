using System.Globalization;

namespace HomeLab.Pipeline.Suites;

/// <summary>How many tests of a kind passed, failed and were skipped, and how long they took.</summary>
/// <param name="Kind">What ran: <c>chainsaw</c>, <c>C# suites</c>, …</param>
/// <param name="Passed">Passed tests.</param>
/// <param name="Failed">Failed tests.</param>
/// <param name="Skipped">Skipped tests.</param>
/// <param name="Duration">How long running them took.</param>
public sealed record SuiteTally(string Kind, int Passed, int Failed, int Skipped, TimeSpan Duration)
{
    /// <summary>Counts C# suite outcomes.</summary>
    /// <param name="kind">What ran.</param>
    /// <param name="outcomes">The outcomes.</param>
    /// <param name="duration">How long running them took.</param>
    /// <returns>The tally.</returns>
    public static SuiteTally Of(string kind, IEnumerable<SuiteOutcome> outcomes, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var list = outcomes as IReadOnlyCollection<SuiteOutcome> ?? [.. outcomes];
        return new SuiteTally(kind, list.Count(o => o.Passed), list.Count(o => o.Failure is not null), list.Count(o => o.Skipped), duration);
    }

    /// <summary>All tallies together.</summary>
    /// <param name="tallies">The tallies.</param>
    /// <returns>Their sum, as <c>total</c>.</returns>
    public static SuiteTally Total(IEnumerable<SuiteTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var list = tallies.ToList();
        return new SuiteTally("total", list.Sum(t => t.Passed), list.Sum(t => t.Failed), list.Sum(t => t.Skipped), TimeSpan.FromTicks(list.Sum(t => t.Duration.Ticks)));
    }

    /// <summary>The counts as a summary reads them.</summary>
    /// <returns>For example <c>C# suites: 12 passed, 0 failed, 3 skipped (4.2 s)</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind}: {Passed} passed, {Failed} failed, {Skipped} skipped ({Duration.TotalSeconds:0.0} s)");

    /// <summary>The tallies as a Markdown table for the GitHub step summary.</summary>
    /// <param name="tallies">The tallies; a total row is added when there are several.</param>
    /// <returns>The Markdown.</returns>
    public static string ToMarkdown(IReadOnlyList<SuiteTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var rows = tallies.Count > 1 ? [.. tallies, Total(tallies)] : tallies;
        return "### Test results\n\n| suites | passed | failed | skipped | time |\n|---|---:|---:|---:|---:|\n"
            + string.Concat(rows.Select(t => string.Create(CultureInfo.InvariantCulture, $"| {t.Kind} | {t.Passed} | {t.Failed} | {t.Skipped} | {t.Duration.TotalSeconds:0.0} s |\n")));
    }
}

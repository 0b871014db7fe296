using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Reporting;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Findings;

/// <summary>
/// A component: findings of every target, reported once each (grouped by file with the offending source line),
/// counted for the summary, and written to the reports <c>--output</c> names.
/// </summary>
public interface IFindingReports : IPipelineBuild
{
    /// <summary>Where results go: <c>sarif=FILE</c>, <c>junit=FILE</c>; for Seal, the SealedSecret file.</summary>
    [Parameter("Where results go: sarif=FILE or junit=FILE for the findings of Validate, Lint and Verify; for Seal, the SealedSecret file (default: standard output).")]
    string[] Output => TryGetValue(() => Output) ?? [];

    /// <summary>The findings of this run; the build holds one for all its targets.</summary>
    FindingLedger Findings { get; }

    /// <summary>The reports <c>--output</c> asks for.</summary>
    /// <returns>The reports.</returns>
    /// <exception cref="TargetFailedException">An <c>--output</c> value is not a report.</exception>
    IReadOnlyList<ReportOutput> ReportOutputs() => ReportOutput.Parse(Output, RootDirectory);

    /// <summary>
    /// Reports findings not reported before: they print grouped by file with the offending source line, count toward
    /// the target's result, and on GitHub Actions become annotations. Notes print with <c>--verbosity verbose</c>.
    /// </summary>
    /// <param name="context">The target's context.</param>
    /// <param name="findings">The findings.</param>
    /// <param name="environment">The environment they come from; null for none.</param>
    void ReportOnce(TargetContext context, IEnumerable<Finding> findings, string? environment)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fresh = Findings.Record(findings, environment);
        foreach (var finding in fresh)
        {
            context.Report(FindingAnnotation.From(finding), print: false);
        }

        var shown = Verbosity >= Verbosity.Verbose ? fresh : [.. fresh.Where(f => f.Severity != Severity.Info)];
        if (shown.Count == 0)
        {
            return;
        }

        using var text = new StringWriter();
        new ConsoleReporter(RootDirectory).Write(shown, text);
        foreach (var line in text.ToString().TrimEnd().Split('\n'))
        {
            context.Info(line.TrimEnd('\r'));
        }
    }

    /// <summary>Writes the <c>--output</c> reports with every finding so far.</summary>
    void WriteReports()
    {
        var findings = Findings.Snapshot();
        foreach (var output in ReportOutputs())
        {
            output.Write(findings, RootDirectory);
        }
    }

    /// <summary>The findings so far for the summary: <c>2 errors, 5 warnings, 3 notes</c>.</summary>
    string FindingCounts => Findings.Summary(notesShown: Verbosity >= Verbosity.Verbose);
}

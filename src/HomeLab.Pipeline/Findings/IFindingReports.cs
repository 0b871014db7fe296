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
        ArgumentNullException.ThrowIfNull(findings);
        ReportOnce(context, [(environment, findings)]);
    }

    /// <summary>
    /// Reports the findings of several environments at once, as <see cref="ReportOnce(TargetContext, IEnumerable{Finding}, string?)"/>
    /// does: a finding that several environments share (a shared base, the same chart) is reported and counted once,
    /// naming them all, such as <c>(k3d, k3s)</c>.
    /// </summary>
    /// <param name="context">The target's context.</param>
    /// <param name="byEnvironment">Each environment (null for none) with its findings.</param>
    void ReportOnce(TargetContext context, IEnumerable<(string? Environment, IEnumerable<Finding> Findings)> byEnvironment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(byEnvironment);
        var fresh = Findings.Record(byEnvironment.SelectMany(batch => batch.Findings.Select(f => (f, batch.Environment))));
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
            output.Write(findings, RootDirectory, RepositoryUri());
        }
    }

    /// <summary>The repository's web address on GitHub Actions (GITHUB_SERVER_URL/GITHUB_REPOSITORY), for SARIF's links.</summary>
    /// <returns>The address; null off GitHub Actions.</returns>
    Uri? RepositoryUri() =>
        Environment.TryGetValue("GITHUB_SERVER_URL", out var server) && Environment.TryGetValue("GITHUB_REPOSITORY", out var repository)
        && Uri.TryCreate($"{server.TrimEnd('/')}/{repository}", UriKind.Absolute, out var uri) ? uri : null;

    /// <summary>The findings so far for the summary: <c>2 errors, 5 warnings, 3 notes</c>.</summary>
    string FindingCounts => Findings.Summary(notesShown: Verbosity >= Verbosity.Verbose);
}

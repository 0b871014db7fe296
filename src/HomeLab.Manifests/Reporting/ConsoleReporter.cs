using System.Globalization;
using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Reporting;

/// <summary>
/// Writes findings for a person at a terminal: grouped by file (paths relative to the root), each as
/// <c>line:col severity rule message</c> with the object it is about, the source line beneath with a caret under the
/// column (each file read once, and only when one of its findings is written), the hint, and a summary line of
/// counts by severity.
/// </summary>
/// <example>
/// <code>
/// manifests/apps/web.yaml
///   12:16 error homelab/image-tag: image 'nginx' has no tag, so it means latest [apps/Deployment apps/web]
///      12 |         image: nginx
///         |                ^^^^^
///         = pin a version tag or a digest (@sha256:...)
///
/// 1 error, 0 warnings, 0 info
/// </code>
/// </example>
public sealed class ConsoleReporter : IFindingReporter
{
    private readonly ReportPaths _paths;

    /// <summary>Creates a reporter.</summary>
    /// <param name="rootDirectory">The directory paths are shown relative to and relative spans are read from.</param>
    public ConsoleReporter(string rootDirectory) => _paths = new ReportPaths(rootDirectory);

    /// <summary>Whether to print the source line and caret under each finding (on by default).</summary>
    public bool ShowSource { get; init; } = true;

    /// <inheritdoc />
    public void Write(IReadOnlyList<Finding> findings, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(writer);
        var lines = new SourceLines(_paths);
        var groups = findings
            .GroupBy(f => f.Span is { } span && !string.IsNullOrEmpty(span.File) ? span.File : string.Empty)
            .OrderBy(g => g.Key.Length == 0 ? 1 : 0)
            .ThenBy(g => _paths.Relative(g.Key), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            writer.WriteLine(group.Key.Length == 0 ? "(not in a file)" : TerminalText.Safe(_paths.Relative(group.Key)));
            foreach (var finding in group.OrderBy(f => f.Span?.Line ?? 0).ThenBy(f => f.Span?.Column ?? 0))
            {
                WriteFinding(finding, group.Key, lines, writer);
            }

            writer.WriteLine();
        }

        writer.WriteLine(Summary(findings));
    }

    /// <summary>The summary line: counts by severity, such as <c>2 errors, 1 warning, 0 info</c>.</summary>
    /// <param name="findings">The findings.</param>
    /// <returns>The line.</returns>
    public static string Summary(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count(f => f.Severity == Severity.Warning);
        var infos = findings.Count(f => f.Severity == Severity.Info);
        return string.Create(CultureInfo.InvariantCulture, $"{errors} {(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}, {infos} info");
    }

    internal static string SeverityText(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    private void WriteFinding(Finding finding, string file, SourceLines lines, TextWriter writer)
    {
        var span = finding.Span ?? default;
        var where = span.IsKnown ? string.Create(CultureInfo.InvariantCulture, $"{span.Line}:{span.Column} ") : string.Empty;
        where += span.Template is { } template ? $"({TerminalText.Safe(template)}) " : string.Empty;
        var about = finding.Object is { } obj ? $" [{TerminalText.Safe(obj.ToString())}]" : string.Empty;
        writer.WriteLine($"  {where}{SeverityText(finding.Severity)} {finding.RuleId}: {TerminalText.Safe(finding.Message)}{about}");
        var gutter = new string(' ', span.IsKnown ? span.Line.ToString(CultureInfo.InvariantCulture).Length + 4 : 4);
        if (ShowSource && span.IsKnown && file.Length > 0 && lines.Line(file, span.Line) is { } source)
        {
            var width = span.EndLine == span.Line && span.EndColumn > span.Column ? span.EndColumn - span.Column : 1;
            var (shown, start, shownWidth) = TerminalText.Window(source, span.Column, width);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {span.Line} | {shown}"));
            writer.WriteLine($"{gutter} | {Caret(shown, start, shownWidth)}");
        }

        if (finding.Hint is not null)
        {
            writer.WriteLine($"{gutter} = {TerminalText.Safe(finding.Hint)}");
        }
    }

    private static string Caret(string shown, int start, int width)
    {
        // Keep tabs in the padding so the caret lines up however the terminal renders them.
        var padding = new char[start];
        for (var i = 0; i < start; i++)
        {
            padding[i] = shown[i] == '\t' ? '\t' : ' ';
        }

        return new string(padding) + new string('^', Math.Max(1, Math.Min(width, shown.Length - start)));
    }
}

using System.Globalization;
using System.Text;
using System.Xml;
using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Reporting;

/// <summary>
/// Writes findings as JUnit XML, for CI test reports: a <c>testsuite</c> per file (or per rule, see
/// <see cref="GroupBy"/>) and a <c>testcase</c> per finding, named by rule, object and field. Errors are
/// <c>failure</c>s; warnings and info pass, with the finding in <c>system-out</c> so it is still shown.
/// </summary>
public sealed class JUnitReporter : IFindingReporter
{
    private readonly ReportPaths _paths;

    /// <summary>Creates a reporter.</summary>
    /// <param name="rootDirectory">The directory file names are relative to.</param>
    public JUnitReporter(string rootDirectory) => _paths = new ReportPaths(rootDirectory);

    /// <summary>How test suites are formed; per file by default.</summary>
    public JUnitGrouping GroupBy { get; init; } = JUnitGrouping.File;

    /// <summary>The name of the <c>testsuites</c> element.</summary>
    public string Name { get; init; } = "homelab lint";

    /// <inheritdoc />
    public void Write(IReadOnlyList<Finding> findings, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(writer);
        using var xml = XmlWriter.Create(writer, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        Write(findings, xml);
    }

    /// <summary>Writes the findings as UTF-8 XML.</summary>
    /// <param name="findings">The findings.</param>
    /// <param name="stream">Where to write; left open.</param>
    public void Write(IReadOnlyList<Finding> findings, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(stream);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false });
        Write(findings, xml);
    }

    private void Write(IReadOnlyList<Finding> findings, XmlWriter xml)
    {
        var suites = findings
            .GroupBy(f => GroupBy == JUnitGrouping.Rule ? f.RuleId : FileOf(f))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", Name);
        xml.WriteAttributeString("tests", Count(findings.Count));
        xml.WriteAttributeString("failures", Count(findings.Count(f => f.Severity == Severity.Error)));
        foreach (var suite in suites)
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", suite.Key.Length == 0 ? "(not in a file)" : suite.Key);
            xml.WriteAttributeString("tests", Count(suite.Count()));
            xml.WriteAttributeString("failures", Count(suite.Count(f => f.Severity == Severity.Error)));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", "0");
            foreach (var finding in suite)
            {
                WriteCase(xml, finding);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private void WriteCase(XmlWriter xml, Finding finding)
    {
        var file = FileOf(finding);
        var span = finding.Span ?? default;
        var where = span.IsKnown ? string.Create(CultureInfo.InvariantCulture, $"{file}:{span.Line}:{span.Column}") : file;
        var subject = string.Join(' ', new[] { finding.Object?.ToString(), finding.FieldPath }.Where(s => !string.IsNullOrEmpty(s)));
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", subject.Length == 0 ? finding.RuleId : $"{finding.RuleId} {subject}");
        xml.WriteAttributeString("classname", GroupBy == JUnitGrouping.Rule ? file : finding.RuleId);
        if (file.Length > 0)
        {
            xml.WriteAttributeString("file", file);
        }

        if (span.IsKnown)
        {
            xml.WriteAttributeString("line", span.Line.ToString(CultureInfo.InvariantCulture));
        }

        var text = $"{where}: {ConsoleReporter.SeverityText(finding.Severity)} {finding.RuleId}: {finding.Message}{(finding.Hint is null ? string.Empty : $" ({finding.Hint})")}";
        if (finding.Severity == Severity.Error)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", finding.Message);
            xml.WriteAttributeString("type", finding.RuleId);
            xml.WriteString(text);
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteElementString("system-out", text);
        }

        xml.WriteEndElement();
    }

    private string FileOf(Finding finding) => finding.Span is { } span && !string.IsNullOrEmpty(span.File) ? _paths.Relative(span.File) : string.Empty;

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}

using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Reporting;

/// <summary>
/// Writes findings as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run whose
/// <c>tool.driver.rules</c> describe the rules (id, <c>shortDescription</c> = rationale,
/// <c>defaultConfiguration.level</c>), and one result per finding with its level, message, location (the file
/// relative to the root, under the base id <see cref="RootBaseId"/>, and the region of its span), the object as a
/// logical location, and a <c>partialFingerprints</c> entry computed from the rule id, file, object and field path —
/// not the line, so a result keeps its identity when lines are added above it.
/// </summary>
public sealed class SarifReporter : IFindingReporter
{
    /// <summary>The <c>uriBaseId</c> locations are relative to; <c>originalUriBaseIds</c> maps it to the root.</summary>
    public const string RootBaseId = "SRCROOT";

    /// <summary>The key of the fingerprint in <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "homelabFinding/v1";

    private readonly ReportPaths _paths;

    /// <summary>Creates a reporter.</summary>
    /// <param name="rootDirectory">The directory locations are relative to (the repository root).</param>
    public SarifReporter(string rootDirectory) => _paths = new ReportPaths(rootDirectory);

    /// <summary>The tool's name in <c>tool.driver.name</c>.</summary>
    public string ToolName { get; init; } = "homelab";

    /// <summary>The tool's version in <c>tool.driver.version</c>: by default this library's version.</summary>
    public string? ToolVersion { get; init; } = typeof(SarifReporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(SarifReporter).Assembly.GetName().Version?.ToString();

    /// <summary>
    /// Where to read about the tool (<c>tool.driver.informationUri</c>), such as the repository's web address; rules'
    /// <c>helpUri</c> point into its README. Left out when null.
    /// </summary>
    public Uri? InformationUri { get; init; }

    /// <summary>The rules to describe; rules of findings not listed here get an entry named after their area.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; init; } = RuleDescriptor.All;

    /// <inheritdoc />
    public void Write(IReadOnlyList<Finding> findings, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var buffer = new MemoryStream();
        Write(findings, buffer);
        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Writes the findings as UTF-8 JSON.</summary>
    /// <param name="findings">The findings.</param>
    /// <param name="stream">Where to write; left open.</param>
    public void Write(IReadOnlyList<Finding> findings, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(stream);
        var rules = new List<RuleDescriptor>(Rules);
        var known = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (known.Add(finding.RuleId))
            {
                var area = finding.RuleId.Split('/')[0];
                rules.Add(new RuleDescriptor(finding.RuleId, finding.Severity, $"A finding of the {area} checks ({finding.RuleId})."));
            }
        }

        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json, rules);
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(RootBaseId);
        json.WriteString("uri", new Uri(_paths.Root.EndsWith(Path.DirectorySeparatorChar) ? _paths.Root : _paths.Root + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var finding in findings)
        {
            WriteResult(json, finding, ruleIndex[finding.RuleId]);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The fingerprint of a finding: a SHA-256 over its rule id, file (relative to the root), object and
    /// field path — the message too when it has neither object nor field. Lines do not take part.</summary>
    /// <param name="finding">The finding.</param>
    /// <returns>The fingerprint, as lowercase hex.</returns>
    public string Fingerprint(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var file = finding.Span is { } span ? _paths.Relative(span.File) : string.Empty;
        var identity = finding.Object is null && finding.FieldPath is null ? finding.Message : string.Empty;
        var text = $"{finding.RuleId}\n{file}\n{finding.Object}\n{finding.FieldPath}\n{identity}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private void WriteTool(Utf8JsonWriter json, List<RuleDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolName);
        if (ToolVersion is not null)
        {
            json.WriteString("version", ToolVersion);
        }

        if (InformationUri is not null)
        {
            json.WriteString("informationUri", InformationUri.AbsoluteUri);
        }

        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", RuleName(rule.Id));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Description);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Help is null ? rule.Description : $"{rule.Description} {rule.Help}");
            json.WriteEndObject();
            var help = rule.Help ?? rule.Description;
            json.WriteStartObject("help");
            json.WriteString("text", help);
            json.WriteString("markdown", $"**{rule.Id}**: {rule.Description}\n\n{help}");
            json.WriteEndObject();
            if (InformationUri is not null)
            {
                json.WriteString("helpUri", new Uri(InformationUri, "#checking-manifests-buildsh").AbsoluteUri);
            }
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // "schema/unknown-field" → "SchemaUnknownField": SARIF's rule names are identifiers.
    private static string RuleName(string id) => string.Concat(id.Split('/', '-', '.', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    // Relative to the root, with '/' and escaped segments; a file outside the root climbs with "..", a name that is
    // not a file (such as "kubectl kustomize apps/") is kept as one escaped segment.
    private string RelativeUri(string file)
    {
        var full = Path.IsPathRooted(file) ? file : _paths.FullPath(file);
        if (full is null)
        {
            return file.Contains(' ', StringComparison.Ordinal) ? Uri.EscapeDataString(file) : string.Join('/', file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
        }

        var relative = Path.GetRelativePath(_paths.Root, full).Replace('\\', '/');
        return relative == "." ? string.Empty : string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
    }

    private void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Hint is null ? finding.Message : $"{finding.Message} ({finding.Hint})");
        json.WriteEndObject();
        // Code scanning drops a result without a file: a finding with no place is placed at the root.
        json.WriteStartArray("locations");
        WriteLocation(json, finding);
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, Fingerprint(finding));
        json.WriteEndObject();
        if (finding.Environments.Count > 0 || finding.Span?.Template is not null)
        {
            json.WriteStartObject("properties");
            if (finding.Environments.Count > 0)
            {
                json.WriteStartArray("environments");
                foreach (var environment in finding.Environments)
                {
                    json.WriteStringValue(environment);
                }

                json.WriteEndArray();
            }

            if (finding.Span?.Template is { } template)
            {
                json.WriteString("chartTemplate", template);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private void WriteLocation(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        var span = finding.Span is { } known && !string.IsNullOrEmpty(known.File) ? known : SourceSpan.At(_paths.Root, 0, 0);
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", RelativeUri(span.File));
        json.WriteString("uriBaseId", RootBaseId);
        json.WriteEndObject();
        if (span.IsKnown)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", span.Line);
            json.WriteNumber("startColumn", span.Column);
            json.WriteNumber("endLine", Math.Max(span.EndLine, span.Line));
            json.WriteNumber("endColumn", span.EndLine > span.Line || span.EndColumn > span.Column ? span.EndColumn : span.Column + 1);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (span.Template is { } template)
        {
            // The Application's line stands for the object; the location's message names the chart's template that wrote it.
            json.WriteStartObject("message");
            json.WriteString("text", template);
            json.WriteEndObject();
        }

        if (finding.Object is { } obj)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", finding.FieldPath is null ? obj.ToString() : $"{obj} {finding.FieldPath}");
            json.WriteString("kind", "object");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}

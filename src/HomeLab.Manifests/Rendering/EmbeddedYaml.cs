using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Reads YAML written inside a string of another YAML file — an inline kustomize patch, an Application's
/// <c>helm.values</c> — so that its nodes carry positions in that file.
/// </summary>
internal static class EmbeddedYaml
{
    public static YamlLoadResult Load(YamlScalar scalar)
    {
        var file = scalar.Span.File;
        var loaded = YamlLoader.Default.LoadString(scalar.Value, file);
        if (!scalar.Span.IsKnown || !File.Exists(file))
        {
            return loaded;
        }

        var (lines, columns) = Offset(scalar, file);
        var documents = loaded.Documents
            .Select(d => d with { Root = SpanRebuilder.Shift(d.Root, file, lines, columns), Span = Move(d.Span, lines, columns) })
            .ToList();
        var findings = loaded.Findings.Select(f => f with { Span = f.Span is { } s ? Move(s, lines, columns) : null }).ToList();
        return new YamlLoadResult(file, documents, findings);
    }

    private static (int Lines, int Columns) Offset(YamlScalar scalar, string file)
    {
        if (scalar.Style is not (YamlScalarStyle.Literal or YamlScalarStyle.Folded))
        {
            // A quoted string has no reliable line structure: point at the string itself.
            return (scalar.Span.Line - 1, 0);
        }

        // A block scalar's span starts at its '|' or '>'; its text starts on the next line, indented.
        var text = File.ReadLines(file).Skip(scalar.Span.Line).FirstOrDefault(l => l.Trim().Length > 0) ?? string.Empty;
        var indent = text.Length - text.TrimStart(' ').Length;
        return (scalar.Span.Line, indent);
    }

    private static SourceSpan Move(SourceSpan s, int lines, int columns) =>
        s.IsKnown ? s with { Line = s.Line + lines, Column = s.Column + columns, EndLine = s.EndLine + lines, EndColumn = s.EndColumn + columns } : s;
}

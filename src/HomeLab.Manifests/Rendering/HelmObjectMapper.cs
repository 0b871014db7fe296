using System.Text.RegularExpressions;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Gives an object rendered by <c>helm template</c> the spans of its template: each field points at the line of its
/// key in the template (found by walking the keys of its path through the template's indentation), or at the line
/// in a values file that set it when the template writes the value verbatim (<c>{{ .Values.a.b }}</c> on the key's
/// line, or under <c>toYaml .Values.a</c>). Fields made by template logic point at their nearest enclosing key.
/// </summary>
internal sealed partial class HelmObjectMapper
{
    private readonly string _file;
    private readonly string[] _lines;
    private readonly HelmValues _values;
    private readonly int _start;
    private readonly int _end;

    public HelmObjectMapper(string templateFile, string[] lines, int documentOrdinal, HelmValues values)
    {
        _file = templateFile;
        _lines = lines;
        _values = values;
        (_start, _end) = DocumentRange(lines, documentOrdinal);
    }

    /// <summary>Whether some field was found only by its enclosing key.</summary>
    public bool Approximate { get; private set; }

    public KubeObject Map(KubeObject rendered)
    {
        var first = Enumerable.Range(_start, Math.Max(0, _end - _start)).FirstOrDefault(l => IsYamlLine(_lines[l]), _start);
        var root = new FieldOrigin<HelmTemplateCursor>(LineSpan(first, 0), SourceSpan.None, new HelmTemplateCursor(_start - 1, -1, true, false, null));
        var mapped = SpanRebuilder.Rebuild(rendered.Root, FieldPath.Root, root, Resolve);
        return rendered.WithRoot((YamlMap)mapped);
    }

    private FieldOrigin<HelmTemplateCursor> Resolve(FieldPath path, FieldPathSegment segment, YamlNode parent, YamlNode child, FieldOrigin<HelmTemplateCursor> origin)
    {
        var at = origin.State;
        var values = HelmValues.Step(at.Values, segment);
        if (at.Exact)
        {
            var found = segment.IsIndex ? FindItem(at, segment.Index) : FindKey(at, segment.Key!);
            if (found is { } line)
            {
                var span = LineSpan(line.Line, line.Indent);
                var fromValues = segment.IsIndex ? values : ValuesOnLine(line.Line, segment.Key!, child);
                if (child is YamlScalar scalar && (fromValues ?? values) is YamlScalar set && set.Value == scalar.Value)
                {
                    return new(set.Span, span, line with { Values = set });
                }

                return new(span, span, line with { Values = fromValues ?? values });
            }
        }

        Approximate |= at.Values is null;
        if (values is not null && (child is not YamlScalar || (values is YamlScalar v && v.Value == ((YamlScalar)child).Value)))
        {
            return new(values.Span, values.Span, at with { Exact = false, Values = values });
        }

        return new(origin.Span, origin.Span, at with { Exact = false, Values = null });
    }

    private HelmTemplateCursor? FindKey(HelmTemplateCursor parent, string key)
    {
        for (var l = parent.IsItem ? parent.Line : parent.Line + 1; l < _end; l++)
        {
            var text = _lines[l];
            if (!IsYamlLine(text))
            {
                continue;
            }

            var indent = text.Length - text.TrimStart(' ').Length;
            var content = text.AsSpan(indent);
            var keyIndent = indent;
            if (content.StartsWith("- "))
            {
                var rest = content[2..].TrimStart(' ');
                keyIndent += content.Length - rest.Length;
                content = rest;
            }

            var ownDashLine = parent.IsItem && l == parent.Line;
            if (!ownDashLine && indent <= parent.Indent)
            {
                return null;
            }

            if (keyIndent > parent.Indent && content.StartsWith(key) && content.Length > key.Length && content[key.Length] == ':')
            {
                return new HelmTemplateCursor(l, keyIndent, true, false, null);
            }
        }

        return null;
    }

    private HelmTemplateCursor? FindItem(HelmTemplateCursor parent, int index)
    {
        HelmTemplateCursor? last = null;
        var seen = 0;
        var dashIndent = -1;
        for (var l = parent.Line + 1; l < _end; l++)
        {
            var text = _lines[l];
            if (!IsYamlLine(text))
            {
                continue;
            }

            var indent = text.Length - text.TrimStart(' ').Length;
            var isDash = text.AsSpan(indent).StartsWith("-");
            if ((!isDash && indent <= parent.Indent) || (isDash && indent < parent.Indent) || (isDash && dashIndent >= 0 && indent < dashIndent))
            {
                break;
            }

            if (isDash && (dashIndent < 0 || indent == dashIndent))
            {
                dashIndent = indent;
                last = new HelmTemplateCursor(l, indent, true, true, null);
                if (seen++ == index)
                {
                    return last;
                }
            }
        }

        // A range loop writes one item for many: the last item written stands for the rest.
        return last;
    }

    private YamlNode? ValuesOnLine(int line, string key, YamlNode child)
    {
        var text = _lines[line];
        var afterKey = text[(text.IndexOf(key + ":", StringComparison.Ordinal) + key.Length + 1)..];
        if (child is YamlScalar scalar)
        {
            foreach (Match match in ValuesReference().Matches(afterKey))
            {
                if (_values.Lookup(match.Groups[1].Value) is YamlScalar set && set.Value == scalar.Value)
                {
                    return set;
                }
            }

            return null;
        }

        // `key:` followed by `{{- toYaml .Values.x | nindent n }}` on the same or the next line.
        for (var l = line; l < Math.Min(line + 2, _end); l++)
        {
            var candidate = l == line ? afterKey : _lines[l];
            if (ToYamlReference().Match(candidate) is { Success: true } toYaml)
            {
                return _values.Lookup(toYaml.Groups[1].Value);
            }
        }

        return null;
    }

    private SourceSpan LineSpan(int line, int indent) =>
        line < 0 || line >= _lines.Length ? SourceSpan.At(_file, 1, 1) : new SourceSpan(_file, line + 1, indent + 1, line + 1, _lines[line].Length + 1);

    private static bool IsYamlLine(string text)
    {
        var trimmed = text.AsSpan().TrimStart(' ');
        return !trimmed.IsEmpty && !trimmed.StartsWith("{{") && !trimmed.StartsWith("#");
    }

    // A template file may hold several documents; the n-th object rendered from it comes from the n-th.
    private static (int Start, int End) DocumentRange(string[] lines, int ordinal)
    {
        var separators = new List<int>();
        for (var l = 0; l < lines.Length; l++)
        {
            if (lines[l].TrimEnd() == "---")
            {
                separators.Add(l);
            }
        }

        var starts = new List<int> { 0 };
        starts.AddRange(separators.Select(s => s + 1));
        var ends = new List<int>(separators) { lines.Length };
        var documents = starts.Zip(ends).Where(d => Enumerable.Range(d.First, d.Second - d.First).Any(l => IsYamlLine(lines[l]))).ToList();
        if (documents.Count == 0)
        {
            return (0, lines.Length);
        }

        var chosen = documents[Math.Min(ordinal, documents.Count - 1)];
        return (chosen.First, chosen.Second);
    }

    [GeneratedRegex(@"\.Values((?:\.[A-Za-z0-9_-]+)+)")]
    private static partial Regex ValuesReference();

    [GeneratedRegex(@"toYaml\s+\.Values((?:\.[A-Za-z0-9_-]+)+)")]
    private static partial Regex ToYamlReference();
}

using System.Text.Json;
using System.Text.RegularExpressions;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Gives rendered objects the namespace they will have: ArgoCD applies an Application's namespaced objects that
/// name no namespace in its <c>destination.namespace</c>; cluster-scoped kinds (built-in, or custom with a CRD of
/// <c>scope: Cluster</c> anywhere in the set) get none. Both the objects (the field then points at the destination's
/// line) and the rendered text written to <c>.nuke/temp/rendered</c> carry it, so whatever reads the output — an
/// assertion naming a namespace, <c>kubectl apply</c> — sees what the cluster will hold.
/// </summary>
internal static partial class DestinationNamespaces
{
    /// <summary>Places every source's objects in its destination namespace.</summary>
    public static IReadOnlyList<RenderedSource> Place(IReadOnlyList<RenderedSource> sources)
    {
        if (!sources.Any(s => s.DestinationNamespace is not null))
        {
            return sources;
        }

        var scoped = ClusterScopedKinds.Of(sources.SelectMany(s => s.Objects));
        return [.. sources.Select(s => s.DestinationNamespace is { } destination ? Place(s, destination, scoped) : s)];
    }

    private static RenderedSource Place(RenderedSource source, YamlScalar destination, ClusterScopedKinds scoped)
    {
        if (!source.Objects.Any(o => NeedsNamespace(o, scoped)))
        {
            return source;
        }

        var objects = source.Objects.Select(o => NeedsNamespace(o, scoped) ? InDestination(o, destination) : o).ToList();
        return source with { Objects = objects, Text = PlaceInText(source.Text, source.Name, destination.Value, scoped) };
    }

    private static bool NeedsNamespace(KubeObject obj, ClusterScopedKinds scoped) =>
        obj.Kind is { } kind and not "List" && obj.ApiVersion is not null && obj.Root["metadata"] is null or YamlMap
        && obj.Metadata?["namespace"] is null or YamlScalar { IsNull: true } && !scoped.Contains(kind, obj.Group);

    private static KubeObject InDestination(KubeObject obj, YamlScalar destination)
    {
        var metadata = obj.Metadata ?? new YamlMap([], obj.Span);
        var ns = new YamlScalar(destination.Value, YamlScalarStyle.DoubleQuoted, destination.Span);
        return obj.WithRoot(obj.Root.With("metadata", metadata.With("namespace", ns)));
    }

    /// <summary>
    /// Writes <c>namespace:</c> into each document of the tool's text that needs it, leaving everything else as
    /// the tool printed it (comments such as helm's <c># Source:</c> included). Text that does not parse stays as it is.
    /// </summary>
    private static string PlaceInText(string text, string name, string ns, ClusterScopedKinds scoped)
    {
        var loaded = YamlLoader.Default.LoadString(text, name);
        if (loaded.HasErrors)
        {
            return text;
        }

        var value = DnsLabel().IsMatch(ns) ? ns : JsonSerializer.Serialize(ns);
        var lines = SplitLines(text);
        var edits = new List<(int Line, int Column, string Insert)>();
        foreach (var document in loaded.Documents)
        {
            if (document.Root is YamlMap root && NeedsNamespace(new KubeObject(root), scoped) && Edit(root, value) is { } edit)
            {
                edits.Add(edit);
            }
        }

        // Bottom-up, right to left, so earlier positions stay valid.
        foreach (var (line, column, insert) in edits.OrderByDescending(e => e.Line).ThenByDescending(e => e.Column))
        {
            lines[line - 1] = lines[line - 1].Insert(column - 1, insert);
        }

        return string.Concat(lines);
    }

    private static (int Line, int Column, string Insert)? Edit(YamlMap root, string value)
    {
        if (!root.TryGetEntry("metadata", out var entry))
        {
            var first = root.Entries[0].KeySpan;
            var indent = new string(' ', first.Column - 1);
            return (first.Line, 1, $"{indent}metadata:\n{indent}  namespace: {value}\n");
        }

        var metadata = (YamlMap)entry.Value;
        if (metadata.Count > 0 && metadata.Entries[0].KeySpan.Line > entry.KeySpan.Line)
        {
            // A block mapping: a line of its own, indented as the first key.
            var key = metadata.Entries[0].KeySpan;
            return (key.Line, 1, $"{new string(' ', key.Column - 1)}namespace: {value}\n");
        }

        // A flow mapping, `metadata: {name: x}`: first inside the braces.
        var at = metadata.Span;
        return at.IsKnown ? (at.Line, at.Column + 1, metadata.Count > 0 ? $"namespace: {value}, " : $"namespace: {value}") : null;
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\n', start))
        {
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }

        lines.Add(text[start..]);
        return lines;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();
}

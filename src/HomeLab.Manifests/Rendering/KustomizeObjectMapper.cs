using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Gives a rendered kustomize object the spans of its sources: each field points at the last patch that set it,
/// else at the transformer setting (namespace, labels, replicas, images), else at the base manifest, else at the
/// nearest enclosing field that has a source.
/// </summary>
internal static class KustomizeObjectMapper
{
    private static readonly FieldPath[] IdentityFields =
        [FieldPath.Parse("apiVersion"), FieldPath.Parse("kind"), FieldPath.Parse("metadata.name"), FieldPath.Parse("metadata.namespace")];

    /// <summary>Finds, for each rendered object, the traced object it came from: by kind, name and namespace, else by a hash-suffixed or earlier name.</summary>
    public static Func<KubeObject, TracedObject?> Matcher(IReadOnlyList<TracedObject> traced)
    {
        var exact = new Dictionary<(string?, string, string), TracedObject>();
        foreach (var t in traced)
        {
            exact.TryAdd((t.Kind, t.Name, t.Namespace ?? string.Empty), t);
        }

        return rendered =>
        {
            var kind = rendered.Kind;
            var name = rendered.Name ?? string.Empty;
            var ns = rendered.Namespace ?? string.Empty;
            return exact.GetValueOrDefault((kind, name, ns))
                ?? traced.FirstOrDefault(t => t.Kind == kind && t.HashSuffixed && name.StartsWith(t.Name + "-", StringComparison.Ordinal) && (t.Namespace ?? string.Empty) == ns)
                ?? Single(traced.Where(t => t.Kind == kind && (t.Names.Contains(name) || (t.HashSuffixed && name.StartsWith(t.Name + "-", StringComparison.Ordinal)))));
        };
    }

    public static KubeObject Map(KubeObject rendered, TracedObject? traced, string kustomizationFile, List<SpanNote> notes)
    {
        if (traced is null)
        {
            var span = SourceSpan.At(kustomizationFile, 1, 1);
            notes.Add(new SpanNote(rendered.Ref, null, kustomizationFile, "not traced to a source file: it comes from a remote resource or a generator whose source is not a file here"));
            return rendered.WithRoot((YamlMap)SpanRebuilder.Rebuild<int>(rendered.Root, FieldPath.Root, new(span, span, 0), (_, _, _, _, parent) => parent with { KeySpan = parent.Span }));
        }

        foreach (var (field, file, reason) in traced.Notes)
        {
            notes.Add(new SpanNote(rendered.Ref, field, file, reason));
        }

        var hasBase = traced.Source is not null;
        var cursors = (hasBase ? new[] { SourceCursor.At(traced.Source!.Root) } : []).Concat(traced.Patches).ToArray<SourceCursor?>();
        var root = new FieldOrigin<SourceCursor?[]>(traced.Origin, SourceSpan.None, cursors);
        var mapped = SpanRebuilder.Rebuild(rendered.Root, FieldPath.Root, root, (path, segment, parent, child, origin) =>
        {
            var states = origin.State;
            var next = new SourceCursor?[states.Length];
            for (var i = 0; i < states.Length; i++)
            {
                next[i] = states[i]?.Child(segment, parent, child);
            }

            if (traced.Overrides.TryGetValue(path, out var set))
            {
                return new(set.Value, set.Key, next);
            }

            if (child is YamlScalar scalar && segment.Key == "image" && ImageSetting(traced, hasBase ? next[0]?.Node : null, scalar) is { } image)
            {
                return new(image, SourceSpan.None, next);
            }

            var identity = IdentityFields.Contains(path);
            var first = hasBase ? 1 : 0;
            if (child is YamlScalar)
            {
                // The last patch to write a value wins; the base wrote it only if no patch did.
                for (var i = next.Length - 1; i >= first; i--)
                {
                    if (!identity && next[i]?.Node is { } patched)
                    {
                        return new(patched.Span, next[i]!.KeySpan, next);
                    }
                }

                if (hasBase && next[0]?.Node is { } written)
                {
                    return new(written.Span, next[0]!.KeySpan, next);
                }
            }
            else
            {
                // A map or list belongs to the base when the base has it, else to the last patch that added it.
                for (var i = 0; i < next.Length; i++)
                {
                    var at = i == 0 ? 0 : next.Length - i;
                    if (at < next.Length && next[at]?.Node is { } node)
                    {
                        return new(node.Span, next[at]!.KeySpan, next);
                    }
                }
            }

            return new(origin.Span, SourceSpan.None, next);
        });
        return rendered.WithRoot((YamlMap)mapped);
    }

    private static SourceSpan? ImageSetting(TracedObject traced, YamlNode? written, YamlScalar rendered)
    {
        var image = (written as YamlScalar)?.Value ?? rendered.Value;
        foreach (var (name, span) in traced.Images)
        {
            if (image == name || image.StartsWith(name + ":", StringComparison.Ordinal) || image.StartsWith(name + "@", StringComparison.Ordinal))
            {
                return span;
            }
        }

        return null;
    }

    private static TracedObject? Single(IEnumerable<TracedObject> candidates)
    {
        using var e = candidates.GetEnumerator();
        if (!e.MoveNext())
        {
            return null;
        }

        var first = e.Current;
        return e.MoveNext() ? null : first;
    }
}

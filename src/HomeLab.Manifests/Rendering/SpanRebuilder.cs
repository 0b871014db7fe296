using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Rebuilds a rendered YAML tree with the spans of the sources a person edits: the same keys, values and
/// scalar styles, each node given the span a resolver finds for its path.
/// </summary>
internal static class SpanRebuilder
{
    /// <summary>Finds the origin of a child from its parent's origin.</summary>
    public delegate FieldOrigin<TState> Resolver<TState>(FieldPath path, FieldPathSegment segment, YamlNode parent, YamlNode child, FieldOrigin<TState> parentOrigin);

    public static YamlNode Rebuild<TState>(YamlNode node, FieldPath path, FieldOrigin<TState> origin, Resolver<TState> resolve)
    {
        switch (node)
        {
            case YamlMap map:
                var entries = new YamlMapEntry[map.Count];
                for (var i = 0; i < entries.Length; i++)
                {
                    var entry = map.Entries[i];
                    var segment = FieldPathSegment.ForKey(entry.Key);
                    var childPath = path.Key(entry.Key);
                    var childOrigin = resolve(childPath, segment, map, entry.Value, origin);
                    var keySpan = childOrigin.KeySpan.IsKnown ? childOrigin.KeySpan : childOrigin.Span;
                    entries[i] = new YamlMapEntry(entry.Key, keySpan, Rebuild(entry.Value, childPath, childOrigin, resolve));
                }

                return new YamlMap(entries, origin.Span);
            case YamlList list:
                var items = new YamlNode[list.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    var childPath = path.Index(i);
                    var childOrigin = resolve(childPath, FieldPathSegment.ForIndex(i), list, list[i], origin);
                    items[i] = Rebuild(list[i], childPath, childOrigin, resolve);
                }

                return new YamlList(items, origin.Span);
            case YamlScalar scalar:
                return new YamlScalar(scalar.Value, scalar.Style, origin.Span);
            default:
                return node;
        }
    }

    /// <summary>The same tree with every span moved by a number of lines and columns: for YAML embedded in a string of another file.</summary>
    public static YamlNode Shift(YamlNode node, string file, int lines, int columns)
    {
        SourceSpan Move(SourceSpan s) => s.IsKnown ? new SourceSpan(file, s.Line + lines, s.Column + columns, s.EndLine + lines, s.EndColumn + columns) : s;
        return Rebuild(node, FieldPath.Root, new FieldOrigin<int>(Move(node.Span), default, 0), (_, _, parent, child, _) =>
        {
            var key = SourceSpan.None;
            if (parent is YamlMap map)
            {
                foreach (var entry in map.Entries)
                {
                    if (ReferenceEquals(entry.Value, child))
                    {
                        key = Move(entry.KeySpan);
                        break;
                    }
                }
            }

            return new FieldOrigin<int>(Move(child.Span), key, 0);
        });
    }
}

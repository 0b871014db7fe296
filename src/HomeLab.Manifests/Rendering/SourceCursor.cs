using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// A position in one source of a rendered object (its base file, or a patch), moved down the tree in step with
/// the rendered object: it points at the source node that wrote the rendered field, or at nothing.
/// </summary>
internal abstract class SourceCursor
{
    /// <summary>The source node at the current path; null when this source does not write it.</summary>
    public abstract YamlNode? Node { get; }

    /// <summary>The span of the key the node is under.</summary>
    public abstract SourceSpan KeySpan { get; }

    /// <summary>The cursor one step down, or null when this source has nothing there.</summary>
    public abstract SourceCursor? Child(FieldPathSegment segment, YamlNode renderedParent, YamlNode renderedChild);

    public static SourceCursor At(YamlNode node) => new NodeCursor(node, node.Span);

    /// <summary>A JSON patch operation (add or replace): it writes <paramref name="value"/> at <paramref name="pointer"/>.</summary>
    public static SourceCursor ForPointer(string pointer, YamlNode value) => new PointerCursor(JsonPointer.Split(pointer), 0, value);

    private sealed class NodeCursor(YamlNode node, SourceSpan keySpan) : SourceCursor
    {
        public override YamlNode? Node => node;

        public override SourceSpan KeySpan => keySpan;

        public override SourceCursor? Child(FieldPathSegment segment, YamlNode renderedParent, YamlNode renderedChild)
        {
            if (!segment.IsIndex)
            {
                return node is YamlMap map && map.TryGetEntry(segment.Key!, out var entry) ? new NodeCursor(entry.Value, entry.KeySpan) : null;
            }

            return node is YamlList list && renderedParent is YamlList rendered && ListItems.Match(list, rendered, segment.Index, renderedChild) is { } item
                ? new NodeCursor(item, item.Span)
                : null;
        }
    }

    private sealed class PointerCursor(IReadOnlyList<string> tokens, int position, YamlNode value) : SourceCursor
    {
        public override YamlNode? Node => null;

        public override SourceSpan KeySpan => SourceSpan.None;

        public override SourceCursor? Child(FieldPathSegment segment, YamlNode renderedParent, YamlNode renderedChild)
        {
            var token = tokens[position];
            var matches = segment.IsIndex
                ? token == segment.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)
                  || (token == "-" && renderedParent is YamlList list && segment.Index == list.Count - 1)
                : token == segment.Key;
            if (!matches)
            {
                return null;
            }

            return position + 1 == tokens.Count ? new NodeCursor(value, value.Span) : new PointerCursor(tokens, position + 1, value);
        }
    }
}

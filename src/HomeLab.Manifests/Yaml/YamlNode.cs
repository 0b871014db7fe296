using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomeLab.Manifests.Yaml;

/// <summary>
/// One immutable node of a YAML document — a <see cref="YamlMap"/>, <see cref="YamlList"/> or
/// <see cref="YamlScalar"/> — that knows where it came from. Nodes built in code have
/// <see cref="SourceSpan.None"/>; plain C# values convert to scalars implicitly, so
/// <c>YamlMap.Of(("replicas", 3), ("image", "nginx"))</c> builds a map.
/// </summary>
public abstract class YamlNode
{
    /// <summary>The largest character offset a node keeps: the loader reads no longer text.</summary>
    internal const int MaxOffset = (1 << 28) - 1;

    // Where the node was written, kept as an origin and two offsets (see SpanOrigin) in the low 28 bits of _start and
    // _end. The high 4 bits of each hold a byte a subclass keeps there (a scalar's style and kind), so a scalar
    // takes 40 bytes, not 48: a large set of manifests holds a million of them.
    private readonly SpanOrigin? _origin;
    private readonly uint _start;
    private readonly uint _end;

    private protected YamlNode(SourceSpan? span, byte tag = 0)
        : this(SpanOrigin.Of(span), 0, 0, tag)
    {
    }

    private protected YamlNode(SpanOrigin? origin, int start, int end, byte tag = 0)
    {
        _origin = origin;
        _start = (uint)start | ((uint)tag & 0xF) << 28;
        _end = (uint)end | ((uint)tag >> 4) << 28;
    }

    /// <summary>Where the node was written.</summary>
    public SourceSpan Span => _origin?.Span(Start, End) ?? SourceSpan.None;

    // What the node's offsets are read in: the same position as another node without working the span out, and
    // the file of its map key's offsets (see YamlMapEntry).
    internal SpanOrigin? Origin => _origin;

    private protected int Start => (int)(_start & MaxOffset);

    private protected int End => (int)(_end & MaxOffset);

    private protected byte Tag => (byte)((_start >> 28) | (_end >> 28) << 4);

    /// <summary>Converts the node to JSON, as Kubernetes would read it; a null scalar becomes a null reference.</summary>
    /// <returns>The JSON node, or null for a null scalar.</returns>
    public abstract JsonNode? ToJson();

    /// <summary>Converts JSON to YAML nodes, every one of them with the same span.</summary>
    /// <param name="json">The JSON; a null reference is a null scalar.</param>
    /// <param name="span">The span to give every node; <see cref="SourceSpan.None"/> when null.</param>
    /// <returns>The YAML node.</returns>
    public static YamlNode FromJson(JsonNode? json, SourceSpan? span = null)
    {
        switch (json)
        {
            case null:
                return YamlScalar.NullAt(span);
            case JsonObject obj:
                var entries = new YamlMapEntry[obj.Count];
                var i = 0;
                foreach (var (key, value) in obj)
                {
                    entries[i++] = new YamlMapEntry(key, span ?? SourceSpan.None, FromJson(value, span));
                }

                return new YamlMap(entries, span, checkDuplicates: false);
            case JsonArray array:
                var items = new YamlNode[array.Count];
                for (var j = 0; j < items.Length; j++)
                {
                    items[j] = FromJson(array[j], span);
                }

                return new YamlList(items, span, copy: false);
            default:
                var scalar = json.AsValue();
                return scalar.GetValueKind() switch
                {
                    JsonValueKind.String => new YamlScalar(scalar.GetValue<string>(), YamlScalarStyle.DoubleQuoted, span),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => new YamlScalar(scalar.ToJsonString(), YamlScalarStyle.Plain, span),
                    _ => YamlScalar.NullAt(span),
                };
        }
    }

    /// <summary>Finds the node at a path below this one.</summary>
    /// <param name="path">The path; <see cref="FieldPath.Root"/> is this node.</param>
    /// <returns>The node, or null when there is none at that path.</returns>
    public YamlNode? Find(FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.IsRoot)
        {
            return this;
        }

        var parent = Find(path.Parent!);
        var segment = path.Segment;
        return parent switch
        {
            YamlMap map when !segment.IsIndex => map[segment.Key!],
            YamlList list when segment.IsIndex && segment.Index < list.Count => list[segment.Index],
            _ => null,
        };
    }

    /// <summary>Finds the node at a path such as <c>spec.template.spec.containers[0].image</c> below this one.</summary>
    /// <param name="path">The path, as <see cref="FieldPath.Parse"/> reads it.</param>
    /// <returns>The node, or null when there is none at that path.</returns>
    public YamlNode? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        // Dotted paths of plain keys are the common case in rules: walk them without allocating.
        if (path.AsSpan().IndexOfAny('[', '"') < 0)
        {
            YamlNode? node = this;
            foreach (var range in path.AsSpan().Split('.'))
            {
                var key = path.AsSpan(range);
                if (key.IsEmpty)
                {
                    continue;
                }

                node = node is YamlMap map ? map.FindKey(key) : null;
                if (node is null)
                {
                    return null;
                }
            }

            return node;
        }

        return Find(FieldPath.Parse(path));
    }

    /// <summary>A double-quoted string scalar.</summary>
    /// <param name="value">The string.</param>
    public static implicit operator YamlNode(string value) => YamlScalar.From(value);

    /// <summary>An integer scalar.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator YamlNode(long value) => YamlScalar.From(value);

    /// <summary>A float scalar.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator YamlNode(double value) => YamlScalar.From(value);

    /// <summary>A boolean scalar.</summary>
    /// <param name="value">The boolean.</param>
    public static implicit operator YamlNode(bool value) => YamlScalar.From(value);
}

using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace HomeLab.Manifests.Yaml;

/// <summary>A YAML sequence.</summary>
public sealed class YamlList : YamlNode
{
    private readonly YamlNode[] _items;

    /// <summary>Builds a list in code.</summary>
    /// <param name="items">The items, in order.</param>
    /// <param name="span">Where the list was written; <see cref="SourceSpan.None"/> when null.</param>
    public YamlList(IEnumerable<YamlNode> items, SourceSpan? span = null)
        : this([.. items ?? throw new ArgumentNullException(nameof(items))], span, copy: false)
    {
    }

    /// <summary>A list read from text, with its position as offsets (see <see cref="SpanOrigin"/>).</summary>
    internal YamlList(YamlNode[] items, SpanOrigin? origin, int start, int end)
        : base(origin, start, end) => _items = items;

    internal YamlList(YamlNode[] items, SourceSpan? span, bool copy)
        : base(span)
    {
        _items = copy ? (YamlNode[])items.Clone() : items;
        foreach (var item in _items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
        }
    }

    /// <summary>A list with no items.</summary>
    public static YamlList Empty { get; } = new([], null, copy: false);

    /// <summary>The items, in order.</summary>
    public ImmutableArray<YamlNode> Items => ImmutableCollectionsMarshal.AsImmutableArray(_items);

    /// <summary>The number of items.</summary>
    public int Count => _items.Length;

    /// <summary>The item at an index.</summary>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The item.</returns>
    public YamlNode this[int index] => _items[index];

    /// <summary>Builds a list in code; C# values convert to scalars.</summary>
    /// <param name="items">The items, in order.</param>
    /// <returns>The list.</returns>
    public static YamlList Of(params YamlNode[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new YamlList(items, null, copy: true);
    }

    /// <inheritdoc />
    public override JsonNode ToJson()
    {
        var json = new JsonArray();
        foreach (var item in _items)
        {
            json.Add(item.ToJson());
        }

        return json;
    }
}

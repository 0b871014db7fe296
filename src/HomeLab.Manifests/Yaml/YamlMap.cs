using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace HomeLab.Manifests.Yaml;

/// <summary>A YAML mapping: keys in the order they were written, each key once.</summary>
public sealed class YamlMap : YamlNode
{
    // Small maps (almost every Kubernetes map) are searched linearly; larger ones get an index on first lookup, kept
    // beside the map rather than in a field of every map: few maps are large, and a manifest set holds half a million.
    private const int IndexThreshold = 8;
    private static readonly ConditionalWeakTable<YamlMap, Dictionary<string, int>> Indexes = new();

    // The entries: an array of the map's own, or a MapEntryBlock shared by every map of a loaded text, from _offset on.
    private readonly object _entries;
    private readonly int _offset;
    private readonly int _count;

    /// <summary>Builds a map in code.</summary>
    /// <param name="entries">The entries, in order.</param>
    /// <param name="span">Where the map was written; <see cref="SourceSpan.None"/> when null.</param>
    /// <exception cref="ArgumentException">A key appears twice.</exception>
    public YamlMap(IEnumerable<YamlMapEntry> entries, SourceSpan? span = null)
        : this([.. entries ?? throw new ArgumentNullException(nameof(entries))], span, checkDuplicates: true)
    {
    }

    /// <summary>A map read from text, with its position as offsets (see <see cref="SpanOrigin"/>); keys are not checked.</summary>
    internal YamlMap(YamlMapEntry[] entries, SpanOrigin? origin, int start, int end)
        : base(origin, start, end) => (_entries, _count) = (entries, entries.Length);

    /// <summary>A map read from text whose entries are in its text's <see cref="MapEntryBlock"/>.</summary>
    internal YamlMap(MapEntryBlock block, int offset, int count, SpanOrigin? origin, int start, int end)
        : base(origin, start, end) => (_entries, _offset, _count) = (block, offset, count);

    internal YamlMap(YamlMapEntry[] entries, SourceSpan? span, bool checkDuplicates)
        : base(span)
    {
        (_entries, _count) = (entries, entries.Length);
        if (checkDuplicates)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                ArgumentNullException.ThrowIfNull(entry.Key);
                ArgumentNullException.ThrowIfNull(entry.Value);
                if (!seen.Add(entry.Key))
                {
                    throw new ArgumentException($"The key '{entry.Key}' appears twice.", nameof(entries));
                }
            }
        }
    }

    /// <summary>A map with no entries.</summary>
    public static YamlMap Empty { get; } = new([], null, checkDuplicates: false);

    /// <summary>The entries, in the order they were written.</summary>
    public YamlMapEntries Entries => new(Array, _offset, _count);

    /// <summary>The number of entries.</summary>
    public int Count => _count;

    /// <summary>The keys, in order.</summary>
    public IEnumerable<string> Keys => Entries.Select(e => e.Key);

    private YamlMapEntry[] Array => _entries as YamlMapEntry[] ?? ((MapEntryBlock)_entries).Entries;

    private ReadOnlySpan<YamlMapEntry> All => new(Array, _offset, _count);

    /// <summary>The value of a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or null when the key is absent.</returns>
    public YamlNode? this[string key] => TryGetEntry(key, out var entry) ? entry.Value : null;

    /// <summary>Builds a map in code from keys and values; C# values convert to scalars.</summary>
    /// <param name="entries">The keys and values, in order.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentException">A key appears twice.</exception>
    public static YamlMap Of(params (string Key, YamlNode Value)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var built = new YamlMapEntry[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            built[i] = new YamlMapEntry(entries[i].Key, entries[i].Value);
        }

        return new YamlMap(built, null, checkDuplicates: true);
    }

    /// <summary>Whether the map has a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when the key is present.</returns>
    public bool ContainsKey(string key) => IndexOf(key.AsSpan()) >= 0;

    /// <summary>Looks up the value of a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns>True when the key is present.</returns>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out YamlNode? value)
    {
        var found = TryGetEntry(key, out var entry);
        value = entry.Value;
        return found;
    }

    /// <summary>Looks up a key's entry, which also has the key's span.</summary>
    /// <param name="key">The key.</param>
    /// <param name="entry">The entry, when found.</param>
    /// <returns>True when the key is present.</returns>
    public bool TryGetEntry(string key, out YamlMapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        var i = IndexOf(key.AsSpan());
        entry = i >= 0 ? All[i] : default;
        return i >= 0;
    }

    /// <summary>The text of a key's value when it is a non-null scalar.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text, or null when the key is absent, null, or not a scalar.</returns>
    public string? GetString(string key) => (this[key] as YamlScalar)?.AsString();

    /// <summary>A key's value when it is a map.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The map, or null when the key is absent or not a map.</returns>
    public YamlMap? GetMap(string key) => this[key] as YamlMap;

    /// <summary>A key's value when it is a list.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The list, or null when the key is absent or not a list.</returns>
    public YamlList? GetList(string key) => this[key] as YamlList;

    /// <summary>A copy with a key set: replaced in place when present, added at the end when not.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new map; this one is unchanged.</returns>
    public YamlMap With(string key, YamlNode value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var i = IndexOf(key.AsSpan());
        YamlMapEntry[] entries;
        if (i >= 0)
        {
            entries = All.ToArray();
            entries[i] = entries[i] with { Value = value };
        }
        else
        {
            entries = [.. All, new YamlMapEntry(key, value)];
        }

        return new YamlMap(entries, Origin, Start, End);
    }

    /// <summary>A copy without a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The new map, or this one when the key is absent.</returns>
    public YamlMap Without(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var i = IndexOf(key.AsSpan());
        return i < 0 ? this : new YamlMap([.. All[..i], .. All[(i + 1)..]], Origin, Start, End);
    }

    /// <inheritdoc />
    public override JsonNode ToJson()
    {
        var json = new JsonObject();
        foreach (var entry in All)
        {
            json[entry.Key] = entry.Value.ToJson();
        }

        return json;
    }

    internal YamlNode? FindKey(ReadOnlySpan<char> key)
    {
        var i = IndexOf(key);
        return i >= 0 ? All[i].Value : null;
    }

    private int IndexOf(ReadOnlySpan<char> key)
    {
        var all = All;
        if (all.Length <= IndexThreshold)
        {
            for (var i = 0; i < all.Length; i++)
            {
                if (key.SequenceEqual(all[i].Key))
                {
                    return i;
                }
            }

            return -1;
        }

        var index = Indexes.GetValue(this, static map => map.BuildIndex());
        return index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var found) ? found : -1;
    }

    private Dictionary<string, int> BuildIndex()
    {
        var all = All;
        var index = new Dictionary<string, int>(all.Length, StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
        {
            index.TryAdd(all[i].Key, i);
        }

        return index;
    }
}

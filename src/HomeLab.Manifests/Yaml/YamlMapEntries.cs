using System.Collections;
using System.Runtime.CompilerServices;

namespace HomeLab.Manifests.Yaml;

/// <summary>
/// The entries of a <see cref="YamlMap"/>, in the order they were written: a window on an array that may hold other
/// maps' entries too (a loaded file keeps all its maps' entries side by side, not one small array per map).
/// <c>foreach</c> over it allocates nothing.
/// </summary>
[CollectionBuilder(typeof(YamlMapEntries), nameof(Create))]
public readonly struct YamlMapEntries : IReadOnlyList<YamlMapEntry>
{
    private readonly YamlMapEntry[]? _array;
    private readonly int _offset;

    internal YamlMapEntries(YamlMapEntry[] array, int offset, int count)
    {
        _array = array;
        _offset = offset;
        Count = count;
    }

    /// <summary>The number of entries.</summary>
    public int Count { get; }

    /// <summary>The number of entries (as on an array).</summary>
    public int Length => Count;

    /// <summary>The entry at an index.</summary>
    /// <param name="index">The 0-based index.</param>
    public YamlMapEntry this[int index] => AsSpan()[index];

    /// <summary>Entries built in code, such as <c>[]</c>.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The entries, copied.</returns>
    public static YamlMapEntries Create(ReadOnlySpan<YamlMapEntry> entries) => new(entries.ToArray(), 0, entries.Length);

    /// <summary>The entries as a span.</summary>
    /// <returns>The span.</returns>
    public ReadOnlySpan<YamlMapEntry> AsSpan() => _array is null ? [] : new(_array, _offset, Count);

    /// <summary>Enumerates the entries without allocating.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<YamlMapEntry> IEnumerable<YamlMapEntry>.GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _array![_offset + i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<YamlMapEntry>)this).GetEnumerator();

    /// <summary>Enumerates the entries of a map.</summary>
    public struct Enumerator
    {
        private readonly YamlMapEntries _entries;
        private int _index;

        internal Enumerator(YamlMapEntries entries) => (_entries, _index) = (entries, -1);

        /// <summary>The current entry.</summary>
        public readonly YamlMapEntry Current => _entries._array![_entries._offset + _index];

        /// <summary>Moves to the next entry.</summary>
        /// <returns>False after the last one.</returns>
        public bool MoveNext() => ++_index < _entries.Count;
    }
}

namespace HomeLab.Manifests.Yaml;

/// <summary>
/// One copy of each short text a thread reads: the same keys (<c>name</c>, <c>image</c>) and values (<c>TCP</c>,
/// <c>true</c>) repeat across every object, and a large set of manifests would otherwise hold each of them a million
/// times. Each thread has its own pool, so no locks; it is emptied when it grows past its size, so what it keeps
/// between loads stays small.
/// </summary>
internal sealed class StringPool
{
    private const int MaxLength = 128;
    private const int MaxStrings = 64 * 1024;

    [ThreadStatic]
    private static StringPool? _current;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pool of the calling thread.</summary>
    public static StringPool Current => _current ??= new StringPool();

    /// <summary>The pooled copy of a text; a long text is copied and not pooled.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The string.</returns>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return text.ToString();
        }

        if (_lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var copy = text.ToString();
        Add(copy);
        return copy;
    }

    /// <summary>The pooled copy of a string, or the string itself when it is the first of its text.</summary>
    /// <param name="text">The string.</param>
    /// <returns>The string to keep.</returns>
    public string Get(string text)
    {
        if (text.Length > MaxLength)
        {
            return text;
        }

        if (_strings.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        Add(text);
        return text;
    }

    private void Add(string text)
    {
        if (_strings.Count >= MaxStrings)
        {
            _strings.Clear();
        }

        _strings.Add(text);
    }
}

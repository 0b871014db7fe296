namespace HomeLab.Manifests.Yaml;

/// <summary>One key of a <see cref="YamlMap"/> with its value; the key keeps its own span.</summary>
public readonly record struct YamlMapEntry
{
    // A loaded key keeps only two offsets, read in its value's file (a key and its value are always in the same
    // text): 24 bytes an entry, and a large set of manifests holds a million of them. A key given a span in code
    // keeps it beside its text, in a KeyWithSpan.
    private readonly object? _key;
    private readonly int _keyStart;
    private readonly int _keyEnd;
    private readonly YamlNode _value;

    /// <summary>An entry with a key span.</summary>
    /// <param name="key">The key's text.</param>
    /// <param name="keySpan">Where the key was written.</param>
    /// <param name="value">The value.</param>
    public YamlMapEntry(string key, SourceSpan keySpan, YamlNode value)
    {
        _key = keySpan == SourceSpan.None ? key : new KeyWithSpan(key, keySpan);
        _value = value;
    }

    /// <summary>An entry built in code, with no key span.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public YamlMapEntry(string key, YamlNode value)
        : this(key, SourceSpan.None, value)
    {
    }

    /// <summary>A loaded entry: the key's offsets are in the text its value was read from.</summary>
    internal YamlMapEntry(string key, int start, int end, YamlNode value)
    {
        _key = key;
        _value = value;
        (_keyStart, _keyEnd) = (start, end + 1); // one past, so that 0 means "no offsets"
    }

    /// <summary>The key's text.</summary>
    public string Key
    {
        get => _key switch
        {
            string key => key,
            KeyWithSpan given => given.Key,
            _ => null!,
        };
        init => _key = _key is KeyWithSpan given ? given with { Key = value } : value;
    }

    /// <summary>Where the key was written.</summary>
    public SourceSpan KeySpan
    {
        get => _key switch
        {
            KeyWithSpan given => given.Span,
            string when _keyEnd > 0 && _value?.Origin is { } origin => origin.Span(_keyStart, _keyEnd - 1),
            _ => SourceSpan.None,
        };
        init => (_key, _keyStart, _keyEnd) = (value == SourceSpan.None ? Key : new KeyWithSpan(Key, value), 0, 0);
    }

    /// <summary>The value.</summary>
    public YamlNode Value
    {
        get => _value;
        init
        {
            // A new value may come from elsewhere: the key keeps the span it had.
            if (_key is string key && _keyEnd > 0 && !ReferenceEquals(_value?.Origin, value?.Origin))
            {
                (_key, _keyStart, _keyEnd) = (new KeyWithSpan(key, KeySpan), 0, 0);
            }

            _value = value!;
        }
    }

    /// <summary>The key, its span and the value.</summary>
    /// <param name="key">The key's text.</param>
    /// <param name="keySpan">Where the key was written.</param>
    /// <param name="value">The value.</param>
    public void Deconstruct(out string key, out SourceSpan keySpan, out YamlNode value) => (key, keySpan, value) = (Key, KeySpan, Value);

    private sealed record KeyWithSpan(string Key, SourceSpan Span);
}

namespace HomeLab.Manifests.Yaml;

/// <summary>One key of a <see cref="YamlMap"/> with its value; the key keeps its own span.</summary>
public readonly record struct YamlMapEntry
{
    // The key's position, kept as an origin and two offsets like a node's: see SpanOrigin.
    private readonly SpanOrigin? _origin;
    private readonly int _start;
    private readonly int _end;

    /// <summary>An entry with a key span.</summary>
    /// <param name="key">The key's text.</param>
    /// <param name="keySpan">Where the key was written.</param>
    /// <param name="value">The value.</param>
    public YamlMapEntry(string key, SourceSpan keySpan, YamlNode value)
    {
        Key = key;
        Value = value;
        _origin = SpanOrigin.Of(keySpan);
    }

    /// <summary>An entry built in code, with no key span.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public YamlMapEntry(string key, YamlNode value)
        : this(key, SourceSpan.None, value)
    {
    }

    internal YamlMapEntry(string key, SpanOrigin? origin, int start, int end, YamlNode value)
    {
        Key = key;
        Value = value;
        (_origin, _start, _end) = (origin, start, end);
    }

    /// <summary>The key's text.</summary>
    public string Key { get; init; }

    /// <summary>Where the key was written.</summary>
    public SourceSpan KeySpan
    {
        get => _origin?.Span(_start, _end) ?? SourceSpan.None;
        init => (_origin, _start, _end) = (SpanOrigin.Of(value), 0, 0);
    }

    /// <summary>The value.</summary>
    public YamlNode Value { get; init; }

    /// <summary>The key, its span and the value.</summary>
    /// <param name="key">The key's text.</param>
    /// <param name="keySpan">Where the key was written.</param>
    /// <param name="value">The value.</param>
    public void Deconstruct(out string key, out SourceSpan keySpan, out YamlNode value) => (key, keySpan, value) = (Key, KeySpan, Value);
}

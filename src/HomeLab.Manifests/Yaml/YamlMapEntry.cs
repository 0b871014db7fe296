namespace HomeLab.Manifests.Yaml;

/// <summary>One key of a <see cref="YamlMap"/> with its value; the key keeps its own span.</summary>
/// <param name="Key">The key's text.</param>
/// <param name="KeySpan">Where the key was written.</param>
/// <param name="Value">The value.</param>
public readonly record struct YamlMapEntry(string Key, SourceSpan KeySpan, YamlNode Value)
{
    /// <summary>An entry built in code, with no key span.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public YamlMapEntry(string key, YamlNode value)
        : this(key, SourceSpan.None, value)
    {
    }
}

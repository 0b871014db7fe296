namespace HomeLab.Manifests.Yaml;

/// <summary>How a scalar was written.</summary>
public enum YamlScalarStyle
{
    /// <summary>Unquoted; its kind comes from its text.</summary>
    Plain,

    /// <summary>In single quotes.</summary>
    SingleQuoted,

    /// <summary>In double quotes (also every JSON string).</summary>
    DoubleQuoted,

    /// <summary>A <c>|</c> block.</summary>
    Literal,

    /// <summary>A <c>&gt;</c> block.</summary>
    Folded,
}

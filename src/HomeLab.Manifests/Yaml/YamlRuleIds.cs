namespace HomeLab.Manifests.Yaml;

/// <summary>The rule ids of the findings <see cref="YamlLoader"/> reports.</summary>
public static class YamlRuleIds
{
    /// <summary>The text is not valid YAML.</summary>
    public const string Syntax = "yaml/syntax";

    /// <summary>A key appears twice in one mapping.</summary>
    public const string DuplicateKey = "yaml/duplicate-key";

    /// <summary>A tab is used to indent.</summary>
    public const string TabIndentation = "yaml/tab-indentation";

    /// <summary>An alias (<c>*name</c>) names no anchor defined before it.</summary>
    public const string UnknownAlias = "yaml/unknown-alias";

    /// <summary>A document that must be a mapping is something else.</summary>
    public const string NotAMapping = "yaml/not-a-mapping";

    /// <summary>A mapping key is a list or a mapping, which Kubernetes cannot read.</summary>
    public const string ComplexKey = "yaml/complex-key";

    /// <summary>Nesting goes deeper than the loader allows.</summary>
    public const string TooDeep = "yaml/too-deep";

    /// <summary>The file cannot be read.</summary>
    public const string UnreadableFile = "yaml/unreadable-file";

    /// <summary>The file is larger than the loader reads.</summary>
    public const string TooLarge = "yaml/too-large";

    /// <summary>The file is not UTF-8.</summary>
    public const string InvalidEncoding = "yaml/invalid-encoding";

    /// <summary>The text holds a control character YAML does not allow: a binary file.</summary>
    public const string ControlCharacter = "yaml/control-character";

    /// <summary>Aliases expand a document beyond the loader's limit.</summary>
    public const string AliasExpansion = "yaml/alias-expansion";
}

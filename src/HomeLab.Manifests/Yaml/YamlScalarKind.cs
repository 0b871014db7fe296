namespace HomeLab.Manifests.Yaml;

/// <summary>What a scalar resolves to under the YAML 1.2 core schema (so <c>yes</c> and <c>on</c> are strings).</summary>
public enum YamlScalarKind
{
    /// <summary><c>null</c>, <c>~</c> or nothing at all.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>A whole number: decimal, <c>0x</c> hexadecimal or <c>0o</c> octal.</summary>
    Int,

    /// <summary>A number with a fraction or exponent, or <c>.inf</c> / <c>.nan</c>.</summary>
    Float,

    /// <summary>Anything else, and every quoted or block scalar.</summary>
    String,
}

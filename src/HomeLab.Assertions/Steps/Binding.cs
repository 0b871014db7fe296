using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Steps;

/// <summary>A named value for expressions (<c>$name</c>); a <c>(expression)</c> value is evaluated with the bindings before it.</summary>
/// <param name="Name">The name, without <c>$</c>.</param>
/// <param name="Value">The value; plain C# values convert to YAML scalars.</param>
public sealed record Binding(string Name, YamlNode Value);

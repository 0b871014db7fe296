using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Steps;

/// <summary>
/// A binding an operation sets for the operations after it in the same step (Chainsaw's <c>outputs</c>): the value is
/// evaluated once the operation has run, with <c>@</c> the object it wrote (apply, create, patch, update) or null
/// (command, script, which bind <c>$stdout</c>, <c>$stderr</c>, <c>$exitCode</c> and <c>$error</c>).
/// </summary>
/// <param name="Name">The binding's name, without <c>$</c>.</param>
/// <param name="Value">The value; <c>(expressions)</c> are evaluated.</param>
public sealed record Output(string Name, YamlNode Value)
{
    /// <summary>An assertion tree the written object must match for the output to be bound; null binds it for every object.</summary>
    public YamlNode? Match { get; init; }
}

namespace HomeLab.Targets;

/// <summary>
/// Marks a field or property of the build as a parameter: set from the command line (<c>--kebab-case</c>),
/// an environment variable, <c>.nuke/parameters*.json</c>, or its initializer, in that order.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="description">What the parameter means, shown in <c>--help</c>.</param>
    public ParameterAttribute(string? description = null) => Description = description;

    /// <summary>What the parameter means.</summary>
    public string? Description { get; }

    /// <summary>A name to use instead of the member's name.</summary>
    public string? Name { get; set; }
}

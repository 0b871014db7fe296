namespace HomeLab.Targets;

/// <summary>
/// Marks a field or property of the build as a parameter: set from the command line (<c>--kebab-case</c>),
/// its environment variable (<c>HOMELAB_SNAKE_CASE</c>, or the exact <see cref="EnvironmentVariable"/>),
/// <c>.nuke/parameters*.json</c>, or its initializer, in that order. Validation attributes on the same member
/// (<see cref="System.ComponentModel.DataAnnotations.ValidationAttribute"/>: <c>[Range]</c>, <c>[RegularExpression]</c>
/// or one of your own) check the value before any target runs.
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

    /// <summary>
    /// The exact environment variable that sets the parameter, instead of the build's prefix and the parameter's
    /// name (<c>HOMELAB_KUBE_CONTEXT</c>); for a variable another tool already defines, such as <c>GITHUB_TOKEN</c>.
    /// Variables every shell or CI sets (<c>PATH</c>, <c>HOME</c>, <c>CI</c>, …) are refused.
    /// </summary>
    public string? EnvironmentVariable { get; set; }
}

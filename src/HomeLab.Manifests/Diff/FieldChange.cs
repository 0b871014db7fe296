namespace HomeLab.Manifests.Diff;

/// <summary>One field that differs between two renders of an object.</summary>
/// <param name="Path">The field, such as <c>spec.template.spec.containers[0].image</c>.</param>
/// <param name="Kind">Whether the field was added, removed or changed.</param>
/// <param name="Before">The old value as compact JSON; null when added. Secret values are masked.</param>
/// <param name="After">The new value as compact JSON; null when removed. Secret values are masked.</param>
public sealed record FieldChange(string Path, ChangeKind Kind, string? Before, string? After);

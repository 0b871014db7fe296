using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Diff;

/// <summary>One object that differs between two renders.</summary>
/// <param name="Object">The object.</param>
/// <param name="Kind">Whether it was added, removed or changed.</param>
/// <param name="Fields">The fields that changed (for a changed object); empty for added and removed ones.</param>
public sealed record ObjectChange(ObjectRef Object, ChangeKind Kind, IReadOnlyList<FieldChange> Fields);

namespace HomeLab.Manifests.Objects;

/// <summary>
/// Objects that belong together, as one rendered set: a kustomization directory's files (or what it builds), or the
/// files outside any kustomization. Duplicates are judged within a set, never across sibling overlays.
/// </summary>
/// <param name="Name">The set's name: the directory it comes from, or <c>path</c> for files outside any kustomization.</param>
/// <param name="Objects">The objects, in file order.</param>
public sealed record ScannedSet(string Name, IReadOnlyList<KubeObject> Objects);

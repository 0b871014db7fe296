using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Environments;

/// <summary>A path an environment renders (a kustomization directory, or a file or directory of ArgoCD Applications).</summary>
/// <param name="Path">The full path.</param>
/// <param name="DeclaredAt">Where the environment file names it.</param>
public sealed record RenderPath(string Path, SourceSpan DeclaredAt);

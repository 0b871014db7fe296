using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Environments;

/// <summary>A local Helm chart an environment renders.</summary>
/// <param name="Path">The chart's directory (the one with <c>Chart.yaml</c>).</param>
/// <param name="ReleaseName">The release name.</param>
/// <param name="Namespace">The release namespace; null for helm's default.</param>
/// <param name="ValueFiles">Values files, full paths, later ones win.</param>
/// <param name="DeclaredAt">Where the environment file declares it.</param>
public sealed record ChartSource(string Path, string ReleaseName, string? Namespace, IReadOnlyList<string> ValueFiles, SourceSpan DeclaredAt);

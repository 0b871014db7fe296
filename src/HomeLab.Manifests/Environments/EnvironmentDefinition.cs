using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Environments;

/// <summary>
/// One environment (a cluster the manifests render for, such as <c>k3d</c> or <c>k3s</c>), read from
/// <c>clusters/&lt;name&gt;/environment.yaml</c>.
/// </summary>
/// <param name="Name">The environment's name: its directory's name.</param>
/// <param name="Directory">The environment's directory.</param>
/// <param name="File">The environment file.</param>
/// <param name="KubernetesVersion">The Kubernetes version it runs, such as <c>v1.32.4</c>; null when not given.</param>
/// <param name="Nodes">The cluster's nodes.</param>
/// <param name="StorageClasses">The storage classes it provides.</param>
/// <param name="Network">Its address ranges.</param>
/// <param name="Render">What to render for it.</param>
/// <param name="Root">The environment file's mapping, for positions.</param>
public sealed record EnvironmentDefinition(
    string Name,
    string Directory,
    string File,
    string? KubernetesVersion,
    IReadOnlyList<ClusterNode> Nodes,
    IReadOnlyList<StorageClassDefinition> StorageClasses,
    NetworkSettings Network,
    RenderSources Render,
    YamlMap Root)
{
    /// <summary>The file name read in each environment directory.</summary>
    public const string FileName = "environment.yaml";
}

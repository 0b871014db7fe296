namespace HomeLab.Manifests.Environments;

/// <summary>What an environment renders: kustomization directories, local charts, and Applications to follow.</summary>
/// <param name="Kustomizations">Directories rendered with <c>kubectl kustomize</c>.</param>
/// <param name="Charts">Local charts rendered with <c>helm template</c>.</param>
/// <param name="Applications">Files or directories whose ArgoCD Applications are followed.</param>
/// <param name="RepositoryUrls">The URLs of this repository: an Application whose <c>repoURL</c> is one of them is rendered from the checkout.</param>
public sealed record RenderSources(
    IReadOnlyList<RenderPath> Kustomizations,
    IReadOnlyList<ChartSource> Charts,
    IReadOnlyList<RenderPath> Applications,
    IReadOnlyList<string> RepositoryUrls)
{
    /// <summary>Nothing to render.</summary>
    public static RenderSources None { get; } = new([], [], [], []);
}

namespace HomeLab.Manifests.Rendering;

/// <summary>How a rendered source was rendered.</summary>
public enum RenderSourceKind
{
    /// <summary>A kustomization directory, through <c>kubectl kustomize</c>.</summary>
    Kustomization,

    /// <summary>A chart in this repository, through <c>helm template</c>.</summary>
    HelmChart,

    /// <summary>A chart from a chart repository, downloaded into the cache, through <c>helm template</c>.</summary>
    RemoteChart,

    /// <summary>A directory of plain manifests, read as they are.</summary>
    Directory,
}

using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;

namespace HomeLab.Manifests.Rendering;

/// <summary>One rendered source — a kustomization, a chart, a directory — with its objects, their spans mapped back to the files a person edits.</summary>
/// <param name="Name">A short name, unique in its set, such as <c>kustomize-clusters-k3d</c>; also the output file's name.</param>
/// <param name="Kind">How it was rendered.</param>
/// <param name="Origin">The directory, chart or chart URL it was rendered from.</param>
/// <param name="Text">The rendered YAML, as the tool printed it.</param>
/// <param name="Objects">The rendered objects; every node's span points at the source that wrote it.</param>
/// <param name="Findings">The problems found rendering it.</param>
/// <param name="Notes">Where an object or field points at a file but not at the exact line, and why.</param>
public sealed record RenderedSource(
    string Name,
    RenderSourceKind Kind,
    string Origin,
    string Text,
    IReadOnlyList<KubeObject> Objects,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<SpanNote> Notes)
{
    /// <summary>The file the rendered YAML was written to; null when it was not written.</summary>
    public string? OutputFile { get; init; }

    /// <summary>The chart and values it was rendered from, when helm rendered it; the values-key check reads them.</summary>
    public HelmChartRequest? Chart { get; init; }

    /// <summary>The ArgoCD Application it was rendered for; null for an environment's own kustomizations and charts.</summary>
    public string? Application { get; init; }

    /// <summary>The Application's <c>destination.namespace</c>, where ArgoCD puts namespaced objects that name none; null when there is none.</summary>
    public Yaml.YamlScalar? DestinationNamespace { get; init; }
}

using System.Collections.Immutable;
using HomeLab.Manifests.Yaml;
using HomeLab.Tools;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// A chart to render with <c>helm template</c>: a directory in this repository (fields map to its templates and
/// values files) or a packaged <c>.tgz</c> from the chart cache (fields map to <see cref="DeclaredAt"/>).
/// Values apply in ArgoCD's order: value files, then <see cref="Values"/> in order, then <see cref="SetValues"/>.
/// </summary>
/// <param name="Chart">The chart's directory or <c>.tgz</c>.</param>
/// <param name="ReleaseName">The release name.</param>
public sealed record HelmChartRequest(string Chart, string ReleaseName)
{
    /// <summary>The release namespace; none when null.</summary>
    public string? Namespace { get; init; }

    /// <summary>Values files, later ones win.</summary>
    public ImmutableArray<string> ValueFiles { get; init; } = [];

    /// <summary>Inline values (an Application's <c>helm.values</c> or <c>helm.valuesObject</c>), with their spans; later ones win.</summary>
    public ImmutableArray<YamlMap> Values { get; init; } = [];

    /// <summary>Values set on the command line (an Application's <c>helm.parameters</c>).</summary>
    public ImmutableArray<HelmSetValue> SetValues { get; init; } = [];

    /// <summary>Where the chart is declared (an Application source, an environment entry); objects of a packaged chart point here.</summary>
    public SourceSpan DeclaredAt { get; init; } = SourceSpan.None;

    /// <summary>The environment's Kubernetes version (<c>--kube-version</c>), as ArgoCD passes its cluster's; helm's default when null.</summary>
    public string? KubeVersion { get; init; }

    /// <summary>The APIs beyond the built-in ones the cluster will serve (<c>--api-versions</c>): every CRD of the set, as ArgoCD passes them.</summary>
    public ImmutableArray<string> ApiVersions { get; init; } = [];

    /// <summary>Whether to leave the chart's <c>crds/</c> out (ArgoCD's <c>helm.skipCrds</c>).</summary>
    public bool SkipCrds { get; init; }

    /// <summary>Whether the chart is a packaged <c>.tgz</c> rather than a directory of templates.</summary>
    public bool IsPackaged => Chart.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase);
}

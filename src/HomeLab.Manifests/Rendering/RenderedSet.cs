using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;

namespace HomeLab.Manifests.Rendering;

/// <summary>Everything rendered for one environment: the objects (spans mapped to the files a person edits), the problems, and the counts.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Sources">The rendered sources, in the order they were rendered.</param>
/// <param name="Findings">The problems found rendering, including sources not rendered offline (as info).</param>
/// <param name="Counts">What was and was not rendered.</param>
/// <param name="OutputDirectory">Where the rendered YAML was written: <c>.nuke/temp/rendered/&lt;environment&gt;/</c>.</param>
public sealed record RenderedSet(
    EnvironmentDefinition Environment,
    IReadOnlyList<RenderedSource> Sources,
    IReadOnlyList<Finding> Findings,
    RenderCounts Counts,
    string OutputDirectory)
{
    /// <summary>Every rendered object, source by source.</summary>
    public IReadOnlyList<KubeObject> Objects { get; } = [.. Sources.SelectMany(s => s.Objects)];

    /// <summary>Where objects or fields point at a file but not at the line, and why.</summary>
    public IReadOnlyList<SpanNote> Notes { get; } = [.. Sources.SelectMany(s => s.Notes)];

    /// <summary>Which sources came from the render cache and which kubectl or helm rendered; <see cref="RenderCacheUse.Off"/> without one.</summary>
    public RenderCacheUse Cache { get; init; } = RenderCacheUse.Off;

    /// <summary>Whether any finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>The objects as a <see cref="ManifestSet"/>, for validation and lint.</summary>
    /// <returns>The set, with the rendering findings.</returns>
    public ManifestSet ToManifestSet() => new(Objects, Findings);
}

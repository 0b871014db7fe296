using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;
using HomeLab.Tools;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Renders a kustomization directory with <c>kubectl kustomize</c> and maps every rendered field back to the file
/// and line that wrote it: the base manifest, the overlay patch (strategic merge or JSON 6902, inline or in a
/// file) that set it, or the kustomization entry (namespace, labels, replicas, images, generators) that did.
/// </summary>
public sealed class KustomizeRenderer
{
    private readonly Kubectl _kubectl;

    /// <summary>Creates a renderer.</summary>
    /// <param name="kubectl">The kubectl that renders.</param>
    public KustomizeRenderer(Kubectl kubectl)
    {
        ArgumentNullException.ThrowIfNull(kubectl);
        _kubectl = kubectl;
    }

    /// <summary>The YAML errors (duplicate keys, tabs, syntax) in the files of a kustomization directory, at their lines.</summary>
    private static IEnumerable<Finding> YamlMistakes(string directory) =>
        Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => YamlLoader.Default.LoadFile(f).Findings)
            .Where(f => f.Severity == Severity.Error);

    /// <summary>Renders a kustomization directory.</summary>
    /// <param name="directory">The directory with the <c>kustomization.yaml</c>.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    /// <returns>The rendered source; a kubectl failure is an error finding at the kustomization file's line 1 with kubectl's message.</returns>
    public async Task<RenderedSource> RenderAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        directory = Path.GetFullPath(directory);
        var name = "kustomize-" + Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar));
        var file = KustomizationTracer.FindFile(directory) ?? Path.Combine(directory, "kustomization.yaml");
        var at = SourceSpan.At(file, 1, 1);
        var result = await _kubectl.KustomizeAsync(directory, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            // kubectl names no file for a YAML mistake; our loader does, at the line: report those first.
            var failure = ToolFindings.Failed(result, at, "fix the kustomization so that `kubectl kustomize` succeeds");
            return new RenderedSource(name, RenderSourceKind.Kustomization, directory, string.Empty, [], [.. YamlMistakes(directory), failure], []);
        }

        var source = Map(name, directory, file, result.StandardOutput);
        return source with { Findings = [.. ToolFindings.Warnings(result, at), .. source.Findings] };
    }

    /// <summary>Maps already-rendered kustomize output back to the sources of a kustomization.</summary>
    /// <param name="name">The rendered source's name.</param>
    /// <param name="directory">The kustomization directory.</param>
    /// <param name="kustomizationFile">Its kustomization file.</param>
    /// <param name="text">The output of <c>kubectl kustomize</c>.</param>
    /// <returns>The rendered source.</returns>
    internal static RenderedSource Map(string name, string directory, string kustomizationFile, string text)
    {
        var parsed = ManifestSet.Parse(text, $"kubectl kustomize {directory}");
        var match = KustomizeObjectMapper.Matcher(new KustomizationTracer().Trace(directory, []));
        var notes = new List<SpanNote>();
        var objects = new List<KubeObject>(parsed.Objects.Count);
        foreach (var rendered in parsed.Objects)
        {
            objects.Add(KustomizeObjectMapper.Map(rendered, match(rendered), kustomizationFile, notes));
        }

        var findings = parsed.Findings.Where(f => f.Severity == Severity.Error).ToList();
        return new RenderedSource(name, RenderSourceKind.Kustomization, directory, text, objects, findings, notes);
    }
}

using System.Text.RegularExpressions;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Objects;

/// <summary>What <see cref="ManifestScan"/> reads and what it leaves out, as kubeconform's options do.</summary>
public sealed class ManifestScanOptions
{
    /// <summary>Files (read whatever their extension), directories (searched recursively) and <c>-</c> for standard input.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Files whose path matches one of these are not read (kubeconform's <c>-ignore-filename-pattern</c>).</summary>
    public IReadOnlyList<Regex> IgnoreFilenamePatterns { get; init; } = [];

    /// <summary>Kinds left out, as <c>Kind</c> or <c>apiVersion/Kind</c> such as <c>apps/v1/Deployment</c> (kubeconform's <c>-skip</c>).</summary>
    public IReadOnlyCollection<string> SkipKinds { get; init; } = [];

    /// <summary>What <c>-</c> reads; null when standard input is not available.</summary>
    public Stream? StandardInput { get; init; }

    /// <summary>
    /// Renders a directory that holds a kustomization file (such as with <c>kubectl kustomize</c>); when set, each such
    /// directory is checked as what it builds, as a set of its own, instead of file by file.
    /// </summary>
    public Func<string, CancellationToken, Task<ManifestSet>>? RenderKustomization { get; init; }

    /// <summary>The loader that reads each file; it sets the size and alias-expansion limits.</summary>
    public YamlLoader Loader { get; init; } = YamlLoader.Manifests;
}

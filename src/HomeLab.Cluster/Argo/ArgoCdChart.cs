using YamlDotNet.RepresentationModel;

namespace HomeLab.Cluster.Argo;

/// <summary>
/// The chart ArgoCD manages itself with, read from its self-managed Application: repository, chart, version,
/// release name and the values files (<c>$values/…</c>, paths in this repository). The bootstrap install uses the
/// same, so the first sync of that Application changes nothing.
/// </summary>
/// <param name="Repository">The chart repository.</param>
/// <param name="Chart">The chart's name.</param>
/// <param name="Version">The pinned version.</param>
/// <param name="ReleaseName">The Helm release name.</param>
/// <param name="Namespace">The destination namespace.</param>
/// <param name="ValueFiles">The values files, relative to the repository root.</param>
public sealed record ArgoCdChart(string Repository, string Chart, string Version, string ReleaseName, string Namespace, IReadOnlyList<string> ValueFiles)
{
    /// <summary>Reads the chart source of an Application file.</summary>
    /// <param name="path">The Application's file (e.g. <c>manifests/argocd/platform/argocd.yaml</c>).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="InvalidDataException">The file has no Helm chart source with a version; the message names the file.</exception>
    public static ArgoCdChart Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads the chart source of an Application given as YAML or JSON text (a rendered one, with its environment's patches).</summary>
    /// <param name="text">The Application.</param>
    /// <param name="path">Where it comes from, for messages.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="InvalidDataException">The Application has no Helm chart source with a version; the message names <paramref name="path"/>.</exception>
    public static ArgoCdChart Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new YamlStream();
        using (var reader = new StringReader(text))
        {
            stream.Load(reader);
        }

        var root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
            ?? throw new InvalidDataException($"{path}:1: empty; hint: it should hold ArgoCD's own Application");
        var spec = Map(root, "spec");
        var sources = spec is null ? [] : (Child(spec, "sources") as YamlSequenceNode)?.OfType<YamlMappingNode>().ToList() ?? [];
        if (spec is not null && Map(spec, "source") is { } single)
        {
            sources.Add(single);
        }

        var chart = sources.FirstOrDefault(s => Text(s, "chart") is not null)
            ?? throw new InvalidDataException($"{path}: no source names a chart; hint: ArgoCD's Application installs the argo-cd chart with a pinned targetRevision");
        var helm = Map(chart, "helm");
        var values = (helm is null ? null : Child(helm, "valueFiles") as YamlSequenceNode)?.OfType<YamlScalarNode>()
            .Select(v => v.Value ?? string.Empty)
            .Select(v => v.StartsWith("$values/", StringComparison.Ordinal) ? v["$values/".Length..] : v)
            .ToList() ?? [];
        return new ArgoCdChart(
            Text(chart, "repoURL") ?? throw new InvalidDataException($"{path}: the chart source has no repoURL"),
            Text(chart, "chart")!,
            Text(chart, "targetRevision") ?? throw new InvalidDataException($"{path}: the chart source has no targetRevision; hint: pin the chart's version"),
            (helm is null ? null : Text(helm, "releaseName")) ?? Text(Map(root, "metadata")!, "name") ?? "argocd",
            (Map(spec!, "destination") is { } destination ? Text(destination, "namespace") : null) ?? "argocd",
            values);
    }

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlMappingNode? Map(YamlMappingNode map, string key) => Child(map, key) as YamlMappingNode;

    private static string? Text(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Everything one render reads, written down so that two renders with the same inputs get the same key: the files (by
/// content), the request's settings, the tool and the cache format. The key names the render in memory (environments
/// share it) and, with the environment file added, its entry in the render cache.
/// </summary>
internal sealed class RenderInputs
{
    private readonly FileDigests _digests;
    private readonly StringBuilder _text = new();
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);

    private RenderInputs(FileDigests digests, string kind)
    {
        _digests = digests;
        // The code that maps rendered output back to the files is an input too: a build of it that differs (the
        // assembly is built deterministically, so only a code change alters its id) never reads an older entry.
        Add("format", RenderedSourceCodec.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)).Add("mapper", MapperVersion).Add("kind", kind);
    }

    /// <summary>The inputs of <c>kubectl kustomize</c>: every file of the kustomization's directory and of every
    /// kustomization it pulls in (resources, bases, components), and every file its entries name (patches, generator
    /// files, replacements, transformers), wherever it is.</summary>
    public static RenderInputs OfKustomization(FileDigests digests, string directory, string tool)
    {
        var inputs = new RenderInputs(digests, "kustomize").Add("directory", Path.GetFullPath(directory)).Add("tool", tool);
        inputs.AddKustomization(Path.GetFullPath(directory), new HashSet<string>(StringComparer.Ordinal));
        return inputs;
    }

    /// <summary>The inputs of <c>helm template</c>: the chart (every file of a chart directory and of its <c>file://</c>
    /// dependencies, or the package), the values files, the inline values and where they are written (the fields map
    /// to those lines), the release, namespace, Kubernetes version and APIs.</summary>
    public static RenderInputs OfChart(FileDigests digests, HelmChartRequest request, string tool)
    {
        var chart = Path.GetFullPath(request.Chart);
        var inputs = new RenderInputs(digests, "helm").Add("chart", chart).Add("tool", tool)
            .Add("release", request.ReleaseName).Add("namespace", request.Namespace).Add("kube-version", request.KubeVersion)
            .Add("api-versions", string.Join(',', request.ApiVersions)).Add("crds", request.SkipCrds ? "skip" : "include")
            .Add("declared-at", Span(request.DeclaredAt));
        if (request.IsPackaged)
        {
            inputs.AddFile(chart);
        }
        else
        {
            inputs.AddChartDirectory(chart, new HashSet<string>(StringComparer.Ordinal));
        }

        foreach (var file in request.ValueFiles)
        {
            inputs.Add("values-file", Path.GetFullPath(file)).AddFile(file);
        }

        foreach (var values in request.Values)
        {
            inputs.Add("values", values.ToJson().ToJsonString()).Add("values-at", Span(values.Span)).AddFile(values.Span.File);
        }

        foreach (var set in request.SetValues)
        {
            inputs.Add("set", set.ToString());
        }

        return inputs.AddFile(request.DeclaredAt.File);
    }

    private static string MapperVersion { get; } = typeof(RenderInputs).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The key of these inputs.</summary>
    public string Key => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString())));

    /// <summary>Adds a named value; length-prefixed, so no value can pass for another.</summary>
    public RenderInputs Add(string name, string? value)
    {
        value ??= "<none>";
        _text.Append(name).Append(' ').Append(value.Length).Append(' ').Append(value).Append('\n');
        return this;
    }

    /// <summary>Adds a file by its content (once, however often it is named); a missing file counts as missing.</summary>
    public RenderInputs AddFile(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return this;
        }

        var full = Path.GetFullPath(path);
        return _files.Add(full) ? Add("file " + full, _digests.Of(full)) : this;
    }

    private static string Span(SourceSpan span) => JsonSerializer.Serialize([span], RenderCacheJson.Default.SourceSpanArray);

    private void AddTree(string directory)
    {
        foreach (var file in FileDigests.FilesBelow(directory))
        {
            AddFile(file);
        }
    }

    private void AddKustomization(string directory, HashSet<string> visited)
    {
        if (!visited.Add(directory))
        {
            return;
        }

        AddTree(directory);
        if (KustomizationTracer.FindFile(directory) is not { } file || YamlLoader.Default.LoadFile(file).Documents is not [{ Root: YamlMap kustomization }, ..])
        {
            return;
        }

        // Any entry may name a file (patches, generator files and envs, replacements, transformers, openapi) or a
        // kustomization (resources, bases, components): take every scalar that does, so no kind of entry is missed.
        foreach (var value in Scalars(kustomization))
        {
            if (value.Contains("://", StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal) || value.Length > 1024)
            {
                continue;
            }

            var path = Path.GetFullPath(Path.Combine(directory, value.Split('=', 2)[^1]));
            if (File.Exists(path))
            {
                AddFile(path);
            }
            else if (Directory.Exists(path) && KustomizationTracer.IsKustomization(path))
            {
                AddKustomization(path, visited);
            }
        }
    }

    private void AddChartDirectory(string chart, HashSet<string> visited)
    {
        if (!visited.Add(chart))
        {
            return;
        }

        AddTree(chart);
        var chartFile = Path.Combine(chart, "Chart.yaml");
        if (!File.Exists(chartFile) || YamlLoader.Default.LoadFile(chartFile).Documents is not [{ Root: YamlMap metadata }, ..])
        {
            return;
        }

        foreach (var dependency in metadata.GetList("dependencies")?.Items.OfType<YamlMap>() ?? [])
        {
            if (dependency.GetString("repository") is { } repository && repository.StartsWith("file://", StringComparison.Ordinal))
            {
                AddChartDirectory(Path.GetFullPath(Path.Combine(chart, repository["file://".Length..])), visited);
            }
        }
    }

    private static IEnumerable<string> Scalars(YamlNode node)
    {
        switch (node)
        {
            case YamlScalar { IsNull: false } scalar:
                yield return scalar.Value;
                break;
            case YamlMap map:
                foreach (var value in map.Entries.SelectMany(e => Scalars(e.Value)))
                {
                    yield return value;
                }

                break;
            case YamlList list:
                foreach (var value in list.Items.SelectMany(Scalars))
                {
                    yield return value;
                }

                break;
        }
    }
}

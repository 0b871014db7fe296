using System.Collections.Immutable;
using System.Text;
using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;
using HomeLab.Tools;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// One pass of <see cref="EnvironmentRenderer"/> over an environment with a given list of APIs: its kustomizations and
/// charts, then the Applications found in what rendered, batch by batch, sources and findings in a stable order.
/// </summary>
internal sealed class EnvironmentRun
{
    private readonly EnvironmentRenderer _renderer;
    private readonly EnvironmentDefinition _environment;
    private readonly RenderOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly Queue<KubeObject> _applications = new();
    private readonly HashSet<string> _followed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _repositoryUrls;
    private readonly ApplicationChartRequest _chartRequests;
    private readonly List<string> _reused = [];
    private readonly List<string> _renderedByTools = [];
    private readonly List<string> _cacheNotes;
    private Kubectl? _kubectl;
    private Helm? _helm;

    /// <summary>Creates a pass.</summary>
    /// <param name="renderer">The renderer, whose shared renders and caches the pass uses.</param>
    /// <param name="environment">The environment.</param>
    /// <param name="options">How to render.</param>
    /// <param name="apiVersions">The APIs charts see.</param>
    /// <param name="cancellationToken">Stops the pass.</param>
    /// <param name="previous">The pass before, whose render cache notes this one keeps.</param>
    public EnvironmentRun(EnvironmentRenderer renderer, EnvironmentDefinition environment, RenderOptions options, ImmutableArray<string> apiVersions, CancellationToken cancellationToken, EnvironmentRun? previous = null)
    {
        _renderer = renderer;
        _environment = environment;
        _options = options;
        ApiVersions = apiVersions;
        _cancellationToken = cancellationToken;
        _kubectl = renderer.Kubectl;
        _helm = renderer.Helm;
        _repositoryUrls = [.. environment.Render.RepositoryUrls.Concat(options.RepositoryUrls).Select(RepositoryUrl.Normalize)];
        _chartRequests = new ApplicationChartRequest(environment, options, apiVersions, _repositoryUrls, Findings);
        _cacheNotes = [.. previous?._cacheNotes ?? []];
    }

    public List<RenderedSource> Sources { get; } = [];

    public ImmutableArray<string> ApiVersions { get; }

    public List<Finding> Findings { get; } = [];

    public int NotRenderedOffline { get; private set; }

    public int Unsupported { get; private set; }

    /// <summary>What the render cache did in this pass (its notes from every pass before too).</summary>
    public RenderCacheUse CacheUse(bool enabled) => !enabled ? RenderCacheUse.Off : new RenderCacheUse
    {
        IsEnabled = true,
        Reused = [.. _reused],
        Rendered = [.. _renderedByTools],
        Notes = [.. _cacheNotes.Distinct(StringComparer.Ordinal)],
    };

    public async Task RenderAsync()
    {
        foreach (var kustomization in _environment.Render.Kustomizations)
        {
            await KustomizeAsync(kustomization.Path, kustomization.DeclaredAt, "kustomize-" + Relative(kustomization.Path)).ConfigureAwait(false);
        }

        foreach (var chart in _environment.Render.Charts)
        {
            var request = new HelmChartRequest(chart.Path, chart.ReleaseName) { Namespace = chart.Namespace, ValueFiles = [.. chart.ValueFiles], DeclaredAt = chart.DeclaredAt };
            await HelmAsync(request, "helm-" + chart.ReleaseName).ConfigureAwait(false);
        }

        foreach (var applications in _environment.Render.Applications)
        {
            ReadDirectory(applications.Path, recurse: true, "apps-" + Relative(applications.Path));
        }

        while (_applications.Count > 0)
        {
            var batch = new List<KubeObject>();
            while (_applications.TryDequeue(out var application))
            {
                batch.Add(application);
            }

            // kubectl and helm spend most of their time starting up: run this batch's tools at once in throwaway
            // runs (their results land in the renderer's shared cache), then follow the Applications in order,
            // so findings and sources come out the same every time.
            await Task.WhenAll(batch.Select(PrewarmAsync)).ConfigureAwait(false);
            foreach (var application in batch)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                await FollowAsync(application).ConfigureAwait(false);
            }
        }
    }

    private Task PrewarmAsync(KubeObject application) => Task.Run(async () =>
    {
        try
        {
            await new EnvironmentRun(_renderer, _environment, _options, ApiVersions, _cancellationToken).FollowAsync(application).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The ordered run meets the same problem and reports it.
        }
    });

    private async Task FollowAsync(KubeObject application)
    {
        if (!IsSelected(application))
        {
            return;
        }

        var spec = application.Root.GetMap("spec");
        var sources = spec?.GetMap("source") is { } single ? [single] : spec?.GetList("sources")?.Items.OfType<YamlMap>().ToList() ?? [];
        var local = application.Annotations.GetValueOrDefault(EnvironmentRenderer.LocalSourceAnnotation) == "repository";
        var refs = sources.Where(s => s.GetString("ref") is not null).ToDictionary(s => s.GetString("ref")!, StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var repo = source.GetString("repoURL") ?? string.Empty;
            var path = source.GetString("path");
            var chart = source.GetString("chart");
            if (path is null && chart is null)
            {
                continue; // A source that only lends its files to $ref value files.
            }

            if (!_followed.Add($"{application.Name}|{repo}|{path}|{chart}|{source.GetString("targetRevision")}"))
            {
                continue;
            }

            var isLocal = local || _repositoryUrls.Contains(RepositoryUrl.Normalize(repo));
            if (chart is not null && !isLocal)
            {
                await RemoteChartAsync(application, source, repo, chart, refs).ConfigureAwait(false);
            }
            else if (path is not null && isLocal)
            {
                await LocalPathAsync(application, source, path, refs).ConfigureAwait(false);
                foreach (var option in new[] { "kustomize", "plugin" }.Where(source.ContainsKey))
                {
                    Findings.Add(new Finding(RenderRuleIds.UnsupportedSource, Severity.Info, $"Application {application.Name}: the source's {option} options are not applied when rendering here; the objects are rendered without them")
                    {
                        Span = source[option]!.Span,
                        Object = application.Ref,
                        Hint = option == "kustomize" ? "move the options into a kustomization.yaml in the source path, so every renderer sees them" : "render the plugin's output into the repository, or accept that it is not checked offline",
                    });
                }
            }
            else
            {
                Unsupported++;
                Findings.Add(new Finding(RenderRuleIds.UnsupportedSource, Severity.Info, $"Application {application.Name}: the source {repo} {path ?? chart} was not rendered: it is in another repository")
                {
                    Span = source.Span,
                    Object = application.Ref,
                    Hint = $"if {repo} is this repository, add it to render.repositoryUrls in {_environment.File}",
                });
            }
        }
    }

    private async Task LocalPathAsync(KubeObject application, YamlMap source, string path, Dictionary<string, YamlMap> refs)
    {
        var directory = Path.GetFullPath(Path.Combine(_options.RepositoryRoot, path));
        var pathSpan = source["path"]!.Span;
        if (!Directory.Exists(directory))
        {
            Findings.Add(new Finding(RenderRuleIds.PathNotFound, Severity.Error, $"Application {application.Name} points at {path}, which is not a directory in this repository")
            {
                Span = pathSpan,
                Object = application.Ref,
                Hint = "the path is relative to the repository root",
            });
            return;
        }

        var name = "app-" + application.Name;
        if (File.Exists(Path.Combine(directory, "Chart.yaml")))
        {
            await HelmAsync(_chartRequests.Read(application, source, directory, directory, refs), name, application).ConfigureAwait(false);
        }
        else if (KustomizationTracer.IsKustomization(directory))
        {
            await KustomizeAsync(directory, pathSpan, name, application).ConfigureAwait(false);
        }
        else
        {
            ReadDirectory(directory, source.GetMap("directory")?["recurse"] is YamlScalar { Value: "true" }, name, application);
        }
    }

    private async Task RemoteChartAsync(KubeObject application, YamlMap source, string repo, string chart, Dictionary<string, YamlMap> refs)
    {
        var version = source.GetString("targetRevision");
        var chartSpan = source["chart"]!.Span;
        if (!_options.PullChartsOnly && _options.PrerenderedCharts is { } recorded && Path.Combine(recorded, application.Name + ".yaml") is var file && File.Exists(file))
        {
            var recordedPackage = $"{chart}-{version ?? "latest"}.tgz";
            var output = await File.ReadAllTextAsync(file, _cancellationToken).ConfigureAwait(false);
            var prerendered = _chartRequests.Read(application, source, recordedPackage, null, refs) with { DeclaredAt = chartSpan };
            Add(HelmChartRenderer.FromOutput(prerendered, output), $"chart-{chart}-{version ?? "latest"}", application);
            return;
        }

        if (Helm(chartSpan) is not { } helm)
        {
            return;
        }

        var cache = new ChartCache(_options.ChartCacheDirectoryOrDefault, helm);
        var mirror = _options.ChartMirrors.GetValueOrDefault(repo) ?? _options.ChartMirrors.FirstOrDefault(m => RepositoryUrl.Normalize(m.Key) == RepositoryUrl.Normalize(repo)).Value;
        var pullKey = $"pull\n{_options.ChartCacheDirectoryOrDefault}\n{repo}\n{chart}\n{version}\n{_options.AllowNetwork}\n{mirror}";
        var (package, reason, isError) = await _renderer.PullOnceAsync(pullKey, () => cache.GetAsync(repo, chart, version, _options.AllowNetwork, _cancellationToken, mirror)).ConfigureAwait(false);
        if (package is null && isError)
        {
            Findings.Add(new Finding(RenderRuleIds.ChartUnavailable, Severity.Error, $"Application {application.Name}: chart {chart} {version} from {mirror ?? repo}: {reason}")
            {
                Span = source["targetRevision"]?.Span ?? chartSpan,
                Object = application.Ref,
                Hint = "pin a version the repository serves (targetRevision)",
            });
            return;
        }

        if (package is null)
        {
            NotRenderedOffline++;
            Findings.Add(new Finding(RenderRuleIds.NotRenderedOffline, Severity.Info, $"Application {application.Name}: chart {chart} {version} from {repo} was not rendered offline: {reason}")
            {
                Span = chartSpan,
                Object = application.Ref,
                Hint = $"render once with network access to fill {_options.ChartCacheDirectoryOrDefault}",
            });
            return;
        }

        if (_options.PullChartsOnly)
        {
            return;
        }

        var request = _chartRequests.Read(application, source, package, null, refs) with { DeclaredAt = chartSpan };
        await HelmAsync(request, $"chart-{chart}-{version ?? "latest"}", application).ConfigureAwait(false);
    }

    private async Task KustomizeAsync(string directory, SourceSpan declaredAt, string name, KubeObject? application = null)
    {
        if (Kubectl(declaredAt.IsKnown ? declaredAt : SourceSpan.At(KustomizationTracer.FindFile(directory) ?? directory, 1, 1)) is { } kubectl)
        {
            var tool = _renderer.Cache(_options) is { } cache ? await cache.Tools.OfAsync(kubectl, _cancellationToken).ConfigureAwait(false) : kubectl.ExecutablePath;
            var inputs = RenderInputs.OfKustomization(_renderer.Digests, directory, tool);
            var rendered = await _renderer.RenderOnceAsync(inputs, _environment, _options, () => new KustomizeRenderer(kubectl).RenderAsync(directory, _cancellationToken), _cancellationToken).ConfigureAwait(false);
            Add(rendered, rendered.Source, name, application);
        }
    }

    private async Task HelmAsync(HelmChartRequest request, string name, KubeObject? application = null)
    {
        var at = request.DeclaredAt.IsKnown ? request.DeclaredAt : SourceSpan.At(Path.Combine(request.Chart, "Chart.yaml"), 1, 1);
        if (Helm(at) is { } helm)
        {
            var tool = _renderer.Cache(_options) is { } cache ? await cache.Tools.OfAsync(helm, _cancellationToken).ConfigureAwait(false) : helm.ExecutablePath;
            var inputs = RenderInputs.OfChart(_renderer.Digests, request, tool);
            var rendered = await _renderer.RenderOnceAsync(inputs, _environment, _options, () => new HelmChartRenderer(helm).RenderAsync(request, _cancellationToken), _cancellationToken).ConfigureAwait(false);
            Add(rendered, rendered.Source with { Chart = request }, name, application);
        }
    }

    private void ReadDirectory(string path, bool recurse, string name, KubeObject? application = null)
    {
        var files = File.Exists(path) ? [path] : recurse ? ManifestSet.FindManifestFiles(path) : ManifestSet.FindManifestFiles(path).Where(f => Path.GetDirectoryName(f) == path.TrimEnd(Path.DirectorySeparatorChar)).ToList();
        var set = ManifestSet.Load(files);
        var text = new StringBuilder();
        foreach (var file in files)
        {
            text.Append("# Source: ").AppendLine(Relative(file)).AppendLine(File.ReadAllText(file).TrimEnd()).AppendLine("---");
        }

        Add(new RenderedSource(name, RenderSourceKind.Directory, path, text.ToString(), set.Objects, set.Findings, []), name, application);
    }

    /// <summary>Whether <see cref="RenderOptions.Applications"/> lets the Application render.</summary>
    private bool IsSelected(KubeObject application) => _options.Applications is not { } selected || (application.Name is { } name && selected.Contains(name));

    private void Add(CachedRender render, RenderedSource source, string name, KubeObject? application)
    {
        var added = Add(source, name, application);
        (render.Reused ? _reused : _renderedByTools).Add(added);
        if (render.Problem is { } problem)
        {
            _cacheNotes.Add(problem);
        }
    }

    private string Add(RenderedSource source, string name, KubeObject? application)
    {
        if (application?.Root.GetMap("spec")?.GetMap("destination")?["namespace"] is YamlScalar { IsNull: false } destination)
        {
            source = source with { DestinationNamespace = destination };
        }

        var unique = name;
        for (var i = 2; !_names.Add(unique); i++)
        {
            unique = $"{name}-{i}";
        }

        var added = Sanitize(unique);
        Sources.Add(source with { Name = added, Application = application?.Name });
        Findings.AddRange(source.Findings);
        foreach (var obj in source.Objects)
        {
            if (obj.Kind == "Application" && obj.Group == "argoproj.io")
            {
                _applications.Enqueue(obj);
            }
        }

        return added;
    }

    private Kubectl? Kubectl(SourceSpan at) => Located(ref _kubectl, () => Tools.Kubectl.Locate(repositoryRoot: _options.RepositoryRoot), at);

    private Helm? Helm(SourceSpan at) => Located(ref _helm, () => Tools.Helm.Locate(repositoryRoot: _options.RepositoryRoot), at);

    // A tool located once per run; one that cannot be found is a finding at the source that needed it.
    private T? Located<T>(ref T? tool, Func<T> locate, SourceSpan at)
        where T : class
    {
        try
        {
            return tool ??= locate();
        }
        catch (ToolNotFoundException ex)
        {
            Findings.Add(ToolFindings.NotFound(ex, at));
            return null;
        }
    }

    private string Relative(string path) => Path.GetRelativePath(_options.RepositoryRoot, path).Replace('\\', '/');

    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-');
        }

        return text.ToString().Trim('-', '.');
    }
}

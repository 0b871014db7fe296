using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;
using HomeLab.Tools;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Renders everything one environment deploys: its kustomizations and charts, then every ArgoCD Application found
/// in what was rendered (app of apps included) — sources in this repository from the checkout, remote charts through
/// the chart cache. Every object keeps spans that point at the file and line a person edits; remote charts that
/// cannot be had offline are counted and reported, never dropped silently. The rendered YAML is written under
/// <c>.nuke/temp/rendered/&lt;environment&gt;/</c>, one file per rendered source.
/// </summary>
public sealed class EnvironmentRenderer
{
    /// <summary>The annotation that marks an Application whose sources are in this repository, whatever their <c>repoURL</c>.</summary>
    public const string LocalSourceAnnotation = "homelab.dev/source";

    private readonly Kubectl? _kubectl;
    private readonly Helm? _helm;

    // Environments share most sources (an environment is an overlay): what one renders, the others reuse.
    private readonly ConcurrentDictionary<string, Task<RenderedSource>> _rendered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<ChartPull>> _pulls = new(StringComparer.Ordinal);

    /// <summary>Creates a renderer.</summary>
    /// <param name="kubectl">The kubectl to use; located (parameter, KUBECTL_EXE, PATH, .nuke/tools) when first needed when null.</param>
    /// <param name="helm">The helm to use; located (parameter, HELM_EXE, PATH, .nuke/tools) when first needed when null.</param>
    public EnvironmentRenderer(Kubectl? kubectl = null, Helm? helm = null)
    {
        _kubectl = kubectl;
        _helm = helm;
    }

    /// <summary>Renders an environment.</summary>
    /// <param name="environment">The environment, from <see cref="EnvironmentCatalog"/>.</param>
    /// <param name="options">Where the repository, output and chart cache are; whether the network may be used.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    /// <returns>The rendered set.</returns>
    public async Task<RenderedSet> RenderAsync(EnvironmentDefinition environment, RenderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        // Like ArgoCD, charts see every CRD of the set in .Capabilities.APIVersions; a chart may bring CRDs that change
        // what another renders (velero's ServiceMonitor needs monitoring.coreos.com/v1), so render until the list settles.
        var run = new Run(this, environment, options, [], cancellationToken);
        await run.RenderAsync().ConfigureAwait(false);
        for (var pass = 0; pass < 3; pass++)
        {
            var apis = CustomResourceApis(run.Sources);
            if (apis.SequenceEqual(run.ApiVersions))
            {
                break;
            }

            run = new Run(this, environment, options, apis, cancellationToken);
            await run.RenderAsync().ConfigureAwait(false);
        }

        var output = Path.Combine(options.OutputDirectoryOrDefault, environment.Name);
        var sources = options.WriteOutput ? await WriteAsync(run.Sources, output, cancellationToken).ConfigureAwait(false) : run.Sources;
        var counts = new RenderCounts(sources.Count, sources.Sum(s => s.Objects.Count), run.NotRenderedOffline, run.Unsupported);
        return new RenderedSet(environment, sources, run.Findings, counts, output);
    }

    /// <summary>What ArgoCD passes as <c>--api-versions</c> for the CRDs of a set: <c>group/version</c> and
    /// <c>group/version/Kind</c> of every served version, sorted.</summary>
    /// <param name="sources">The rendered sources.</param>
    /// <returns>The APIs.</returns>
    public static ImmutableArray<string> CustomResourceApis(IEnumerable<RenderedSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var apis = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var crd in sources.SelectMany(s => s.Objects).Where(o => o.Kind == "CustomResourceDefinition" && o.Group == "apiextensions.k8s.io"))
        {
            var spec = crd.Root.GetMap("spec");
            if (spec?.GetString("group") is not { } group || spec.GetMap("names")?.GetString("kind") is not { } kind)
            {
                continue;
            }

            foreach (var version in spec.GetList("versions")?.Items.OfType<YamlMap>() ?? [])
            {
                if (version.GetString("name") is { } name && version["served"] is not YamlScalar { Value: "false" })
                {
                    apis.Add($"{group}/{name}");
                    apis.Add($"{group}/{name}/{kind}");
                }
            }
        }

        return [.. apis];
    }

    private static async Task<IReadOnlyList<RenderedSource>> WriteAsync(IReadOnlyList<RenderedSource> sources, string directory, CancellationToken cancellationToken)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var written = new List<RenderedSource>(sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            var file = Path.Combine(directory, $"{i + 1:D3}-{sources[i].Name}.yaml");
            await File.WriteAllTextAsync(file, sources[i].Text, cancellationToken).ConfigureAwait(false);
            written.Add(sources[i] with { OutputFile = file });
        }

        return written;
    }

    private sealed class Run(EnvironmentRenderer renderer, EnvironmentDefinition environment, RenderOptions options, ImmutableArray<string> apiVersions, CancellationToken cancellationToken)
    {
        private readonly Queue<KubeObject> _applications = new();
        private readonly HashSet<string> _followed = new(StringComparer.Ordinal);
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private readonly HashSet<string> _repositoryUrls = [.. environment.Render.RepositoryUrls.Concat(options.RepositoryUrls).Select(RepositoryUrl.Normalize)];
        private Kubectl? _kubectl = renderer._kubectl;
        private Helm? _helm = renderer._helm;

        public List<RenderedSource> Sources { get; } = [];

        public ImmutableArray<string> ApiVersions => apiVersions;

        public List<Finding> Findings { get; } = [];

        public int NotRenderedOffline { get; private set; }

        public int Unsupported { get; private set; }

        public async Task RenderAsync()
        {
            foreach (var kustomization in environment.Render.Kustomizations)
            {
                await KustomizeAsync(kustomization.Path, kustomization.DeclaredAt, "kustomize-" + Relative(kustomization.Path)).ConfigureAwait(false);
            }

            foreach (var chart in environment.Render.Charts)
            {
                var request = new HelmChartRequest(chart.Path, chart.ReleaseName) { Namespace = chart.Namespace, ValueFiles = [.. chart.ValueFiles], DeclaredAt = chart.DeclaredAt };
                await HelmAsync(request, "helm-" + chart.ReleaseName).ConfigureAwait(false);
            }

            foreach (var applications in environment.Render.Applications)
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
                    cancellationToken.ThrowIfCancellationRequested();
                    await FollowAsync(application).ConfigureAwait(false);
                }
            }
        }

        private Task PrewarmAsync(KubeObject application) => Task.Run(async () =>
        {
            try
            {
                await new Run(renderer, environment, options, apiVersions, cancellationToken).FollowAsync(application).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The ordered run meets the same problem and reports it.
            }
        });

        private async Task FollowAsync(KubeObject application)
        {
            var spec = application.Root.GetMap("spec");
            var sources = spec?.GetMap("source") is { } single ? [single] : spec?.GetList("sources")?.Items.OfType<YamlMap>().ToList() ?? [];
            var local = application.Annotations.GetValueOrDefault(LocalSourceAnnotation) == "repository";
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
                        Hint = $"if {repo} is this repository, add it to render.repositoryUrls in {environment.File}",
                    });
                }
            }
        }

        private async Task LocalPathAsync(KubeObject application, YamlMap source, string path, Dictionary<string, YamlMap> refs)
        {
            var directory = Path.GetFullPath(Path.Combine(options.RepositoryRoot, path));
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
                await HelmAsync(ChartRequest(application, source, directory, directory, refs), name, application).ConfigureAwait(false);
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
            if (!options.PullChartsOnly && options.PrerenderedCharts is { } recorded && Path.Combine(recorded, application.Name + ".yaml") is var file && File.Exists(file))
            {
                var recordedPackage = $"{chart}-{version ?? "latest"}.tgz";
                var output = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
                var prerendered = ChartRequest(application, source, recordedPackage, null, refs) with { DeclaredAt = chartSpan };
                Add(HelmChartRenderer.FromOutput(prerendered, output), $"chart-{chart}-{version ?? "latest"}", application);
                return;
            }

            if (Helm(chartSpan) is not { } helm)
            {
                return;
            }

            var cache = new ChartCache(options.ChartCacheDirectoryOrDefault, helm);
            var mirror = options.ChartMirrors.GetValueOrDefault(repo) ?? options.ChartMirrors.FirstOrDefault(m => RepositoryUrl.Normalize(m.Key) == RepositoryUrl.Normalize(repo)).Value;
            var pullKey = $"pull\n{options.ChartCacheDirectoryOrDefault}\n{repo}\n{chart}\n{version}\n{options.AllowNetwork}\n{mirror}";
            var (package, reason, isError) = await renderer._pulls.GetOrAdd(pullKey, _ => cache.GetAsync(repo, chart, version, options.AllowNetwork, cancellationToken, mirror)).ConfigureAwait(false);
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
                    Hint = $"render once with network access to fill {options.ChartCacheDirectoryOrDefault}",
                });
                return;
            }

            if (options.PullChartsOnly)
            {
                return;
            }

            var request = ChartRequest(application, source, package, null, refs) with { DeclaredAt = chartSpan };
            await HelmAsync(request, $"chart-{chart}-{version ?? "latest"}", application).ConfigureAwait(false);
        }

        private HelmChartRequest ChartRequest(KubeObject application, YamlMap source, string chart, string? chartDirectory, Dictionary<string, YamlMap> refs)
        {
            var helm = source.GetMap("helm");
            var request = new HelmChartRequest(chart, helm?.GetString("releaseName") ?? application.Name ?? "release")
            {
                Namespace = application.Root.GetMap("spec")?.GetMap("destination")?.GetString("namespace"),
                DeclaredAt = source.Span,
                KubeVersion = environment.KubernetesVersion,
                ApiVersions = apiVersions,
                SkipCrds = helm?["skipCrds"] is YamlScalar { Value: "true" },
            };
            var ignoreMissing = helm?["ignoreMissingValueFiles"] is YamlScalar { Value: "true" };
            foreach (var file in helm?.GetList("valueFiles")?.Items.OfType<YamlScalar>() ?? [])
            {
                if (ValueFile(application, file, chartDirectory, refs, ignoreMissing) is { } resolved)
                {
                    request = request with { ValueFiles = request.ValueFiles.Add(resolved) };
                }
            }

            if (helm?["values"] is YamlScalar { IsNull: false } text && EmbeddedYaml.Load(text).Documents is [{ Root: YamlMap values }, ..])
            {
                request = request with { Values = request.Values.Add(values) };
            }

            if (helm?.GetMap("valuesObject") is { } valuesObject)
            {
                request = request with { Values = request.Values.Add(valuesObject) };
            }

            foreach (var parameter in helm?.GetList("parameters")?.Items.OfType<YamlMap>() ?? [])
            {
                if (parameter.GetString("name") is { } name)
                {
                    var set = new HelmSetValue(name, parameter.GetString("value") ?? string.Empty, parameter["forceString"] is YamlScalar { Value: "true" });
                    request = request with { SetValues = request.SetValues.Add(set) };
                }
            }

            return request;
        }

        private string? ValueFile(KubeObject application, YamlScalar file, string? chartDirectory, Dictionary<string, YamlMap> refs, bool ignoreMissing)
        {
            var text = file.Value;
            string? resolved = null;
            if (text.StartsWith('$'))
            {
                var slash = text.IndexOf('/', StringComparison.Ordinal);
                var name = slash < 0 ? text[1..] : text[1..slash];
                var isLocal = refs.TryGetValue(name, out var referenced)
                    && (application.Annotations.GetValueOrDefault(LocalSourceAnnotation) == "repository" || _repositoryUrls.Contains(RepositoryUrl.Normalize(referenced.GetString("repoURL") ?? string.Empty)));
                if (isLocal && slash > 0)
                {
                    resolved = Path.GetFullPath(Path.Combine(options.RepositoryRoot, text[(slash + 1)..]));
                }
            }
            else if (chartDirectory is not null)
            {
                resolved = Path.GetFullPath(Path.Combine(chartDirectory, text));
            }

            if (resolved is not null && File.Exists(resolved))
            {
                return resolved;
            }

            if (ignoreMissing)
            {
                return null; // helm.ignoreMissingValueFiles: ArgoCD leaves a missing file out, and so do we.
            }

            Findings.Add(new Finding(RenderRuleIds.PathNotFound, Severity.Error, $"Application {application.Name}: the values file {text} is not in this repository{(resolved is null ? string.Empty : $" (looked for {resolved})")}")
            {
                Span = file.Span,
                Object = application.Ref,
                Hint = "value files are relative to the chart's path, or $<ref>/<path from the repository root> with a source that has ref: <ref> and this repository's URL",
            });
            return null;
        }

        private async Task KustomizeAsync(string directory, SourceSpan declaredAt, string name, KubeObject? application = null)
        {
            if (Kubectl(declaredAt.IsKnown ? declaredAt : SourceSpan.At(KustomizationTracer.FindFile(directory) ?? directory, 1, 1)) is { } kubectl)
            {
                var key = "kustomize\n" + Path.GetFullPath(directory);
                Add(await renderer._rendered.GetOrAdd(key, _ => new KustomizeRenderer(kubectl).RenderAsync(directory, cancellationToken)).ConfigureAwait(false), name, application);
            }
        }

        private async Task HelmAsync(HelmChartRequest request, string name, KubeObject? application = null)
        {
            var at = request.DeclaredAt.IsKnown ? request.DeclaredAt : SourceSpan.At(Path.Combine(request.Chart, "Chart.yaml"), 1, 1);
            if (Helm(at) is { } helm)
            {
                var rendered = await renderer._rendered.GetOrAdd(HelmKey(request), _ => new HelmChartRenderer(helm).RenderAsync(request, cancellationToken)).ConfigureAwait(false);
                Add(rendered with { Chart = request }, name, application);
            }
        }

        /// <summary>Everything that makes one helm template differ from another, spans of inline values included.</summary>
        private static string HelmKey(HelmChartRequest request)
        {
            var key = new StringBuilder("helm\n").AppendLine(Path.GetFullPath(request.Chart)).AppendLine(request.ReleaseName).AppendLine(request.Namespace)
                .AppendLine(request.KubeVersion).AppendLine(string.Join(',', request.ApiVersions)).AppendLine(request.SkipCrds ? "skip-crds" : "crds");
            foreach (var file in request.ValueFiles)
            {
                key.Append("f ").AppendLine(Path.GetFullPath(file));
            }

            foreach (var values in request.Values)
            {
                key.Append("v ").Append(values.Span.ToString()).Append(' ').AppendLine(values.ToJson()?.ToJsonString());
            }

            foreach (var set in request.SetValues)
            {
                key.Append("s ").AppendLine(set.ToString());
            }

            return key.ToString();
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

        private void Add(RenderedSource source, string name, KubeObject? application)
        {
            if (application?.Root.GetMap("spec")?.GetMap("destination")?["namespace"] is YamlScalar { IsNull: false } destination)
            {
                source = source with { Objects = [.. source.Objects.Select(o => InDestination(o, destination))] };
            }

            var unique = name;
            for (var i = 2; !_names.Add(unique); i++)
            {
                unique = $"{name}-{i}";
            }

            Sources.Add(source with { Name = Sanitize(unique), Application = application?.Name });
            Findings.AddRange(source.Findings);
            foreach (var obj in source.Objects)
            {
                if (obj.Kind == "Application" && obj.Group == "argoproj.io")
                {
                    _applications.Enqueue(obj);
                }
            }
        }

        // ArgoCD puts namespaced objects that name no namespace into the Application's destination namespace;
        // the field then points at the destination's line.
        private static KubeObject InDestination(KubeObject obj, YamlScalar destination)
        {
            if (obj.Namespace is not null || obj.Kind is null || PatchTarget.IsClusterScoped(obj.Kind) || obj.Kind.StartsWith("Cluster", StringComparison.Ordinal))
            {
                return obj;
            }

            var metadata = obj.Metadata ?? new YamlMap([], obj.Span);
            var ns = new YamlScalar(destination.Value, YamlScalarStyle.DoubleQuoted, destination.Span);
            return obj.WithRoot(obj.Root.With("metadata", metadata.With("namespace", ns)));
        }

        private Kubectl? Kubectl(SourceSpan at)
        {
            try
            {
                return _kubectl ??= Tools.Kubectl.Locate(repositoryRoot: options.RepositoryRoot);
            }
            catch (ToolNotFoundException ex)
            {
                Findings.Add(ToolFindings.NotFound(ex, at));
                return null;
            }
        }

        private Helm? Helm(SourceSpan at)
        {
            try
            {
                return _helm ??= Tools.Helm.Locate(repositoryRoot: options.RepositoryRoot);
            }
            catch (ToolNotFoundException ex)
            {
                Findings.Add(ToolFindings.NotFound(ex, at));
                return null;
            }
        }

        private string Relative(string path) => Path.GetRelativePath(options.RepositoryRoot, path).Replace('\\', '/');

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
}

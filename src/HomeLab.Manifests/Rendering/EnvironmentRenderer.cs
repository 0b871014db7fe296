using System.Collections.Concurrent;
using System.Collections.Immutable;
using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;
using HomeLab.Tools;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Renders everything one environment deploys: its kustomizations and charts, then every ArgoCD Application found
/// in what was rendered (app of apps included) — sources in this repository from the checkout, remote charts through
/// the chart cache. Every object keeps spans that point at the file and line a person edits; remote charts that
/// cannot be had offline are counted and reported, never dropped silently. The rendered YAML is written under
/// <c>.nuke/temp/rendered/&lt;environment&gt;/</c>, one file per rendered source. With a render cache
/// (<see cref="RenderOptions.RenderCacheDirectory"/>) a source whose inputs did not change is read from it instead of
/// being rendered by kubectl or helm.
/// </summary>
public sealed class EnvironmentRenderer
{
    /// <summary>The annotation that marks an Application whose sources are in this repository, whatever their <c>repoURL</c>.</summary>
    public const string LocalSourceAnnotation = "homelab.dev/source";

    // Environments share most sources (an environment is an overlay): what one renders, the others reuse.
    private readonly StartedOnce<RenderedSource> _rendered = new();
    private readonly StartedOnce<CachedRender> _loaded = new();
    private readonly StartedOnce<ChartPull> _pulls = new();
    private readonly ConcurrentDictionary<(string Directory, bool Reuse), RenderCache> _caches = new();

    /// <summary>Creates a renderer.</summary>
    /// <param name="kubectl">The kubectl to use; located (parameter, KUBECTL_EXE, PATH, .nuke/tools) when first needed when null.</param>
    /// <param name="helm">The helm to use; located (parameter, HELM_EXE, PATH, .nuke/tools) when first needed when null.</param>
    public EnvironmentRenderer(Kubectl? kubectl = null, Helm? helm = null)
    {
        Kubectl = kubectl;
        Helm = helm;
    }

    /// <summary>The kubectl given, if any.</summary>
    internal Kubectl? Kubectl { get; }

    /// <summary>The helm given, if any.</summary>
    internal Helm? Helm { get; }

    /// <summary>The digests of the files renders read, shared by every environment this renderer renders.</summary>
    internal FileDigests Digests { get; } = new();

    /// <summary>Renders an environment.</summary>
    /// <param name="environment">The environment, from <see cref="EnvironmentCatalog"/>.</param>
    /// <param name="options">Where the repository, output and chart cache are; whether the network may be used.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    /// <returns>The rendered set.</returns>
    public async Task<RenderedSet> RenderAsync(EnvironmentDefinition environment, RenderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        var run = await RenderUntilApisSettleAsync(environment, options, cancellationToken).ConfigureAwait(false);
        var output = Path.Combine(options.OutputDirectoryOrDefault, environment.Name);
        var placed = DestinationNamespaces.Place(run.Sources);
        var sources = options.WriteOutput ? await WriteAsync(placed, output, cancellationToken).ConfigureAwait(false) : placed;
        var counts = new RenderCounts(sources.Count, sources.Sum(s => s.Objects.Count), run.NotRenderedOffline, run.Unsupported);
        return new RenderedSet(environment, sources, run.Findings, counts, output) { Cache = run.CacheUse(Cache(options) is not null) };
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

    /// <summary>The chart pull of a key, started once however many Applications ask for the same chart.</summary>
    internal Task<ChartPull> PullOnceAsync(string key, Func<Task<ChartPull>> pull) => _pulls.GetOrStart(key, pull);

    /// <summary>The render cache the options name; null when they name none.</summary>
    internal RenderCache? Cache(RenderOptions options) =>
        options.RenderCacheDirectory is { } directory ? _caches.GetOrAdd((Path.GetFullPath(directory), !options.RefreshRenderCache), key => RenderCache.Open(key.Directory, key.Reuse, options.Clock)) : null;

    /// <summary>
    /// The source these inputs render to, rendered at most once per renderer (environments share it) and, with a render
    /// cache, read from its entry when the inputs and the environment file are unchanged. A source that rendered with an
    /// error is not stored: the next build tries again.
    /// </summary>
    internal Task<CachedRender> RenderOnceAsync(RenderInputs inputs, EnvironmentDefinition environment, RenderOptions options, Func<Task<RenderedSource>> render, CancellationToken cancellationToken)
    {
        var key = inputs.Key;
        if (Cache(options) is not { } cache)
        {
            return RenderedAsync(key, render, null);
        }

        var entry = inputs.AddFile(environment.File).Key;
        return _loaded.GetOrStart(entry, async () =>
        {
            var (cached, problem) = await cache.LoadAsync(entry, cancellationToken).ConfigureAwait(false);
            if (cached is not null)
            {
                return new CachedRender(cached, Reused: true, null);
            }

            var rendered = await RenderedAsync(key, render, problem).ConfigureAwait(false);
            var notStored = rendered.Source.Findings.Any(f => f.Severity == Severity.Error) ? null : await cache.StoreAsync(entry, rendered.Source, cancellationToken).ConfigureAwait(false);
            return rendered with { Problem = problem ?? notStored };
        });
    }

    private async Task<CachedRender> RenderedAsync(string key, Func<Task<RenderedSource>> render, string? problem) =>
        new(await _rendered.GetOrStart(key, render).ConfigureAwait(false), Reused: false, problem);

    // Like ArgoCD, charts see every CRD of the set in .Capabilities.APIVersions; a chart may bring CRDs that change
    // what another renders (velero's ServiceMonitor needs monitoring.coreos.com/v1), so render until the list settles.
    private async Task<EnvironmentRun> RenderUntilApisSettleAsync(EnvironmentDefinition environment, RenderOptions options, CancellationToken cancellationToken)
    {
        var run = new EnvironmentRun(this, environment, options, [], cancellationToken);
        await run.RenderAsync().ConfigureAwait(false);
        for (var pass = 0; pass < 3; pass++)
        {
            var apis = CustomResourceApis(run.Sources);
            if (apis.SequenceEqual(run.ApiVersions))
            {
                break;
            }

            run = new EnvironmentRun(this, environment, options, apis, cancellationToken, run);
            await run.RenderAsync().ConfigureAwait(false);
        }

        return run;
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
}

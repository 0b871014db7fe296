namespace HomeLab.Manifests.Rendering;

/// <summary>How to render: where the repository is, where output and the chart cache go, whether the network may be used.</summary>
public sealed record RenderOptions
{
    /// <summary>Creates options for a repository.</summary>
    /// <param name="repositoryRoot">The repository root (the directory with <c>HomeLab.sln</c>).</param>
    public RenderOptions(string repositoryRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        RepositoryRoot = Path.GetFullPath(repositoryRoot);
    }

    /// <summary>The repository root.</summary>
    public string RepositoryRoot { get; init; }

    /// <summary>Where rendered YAML goes; each environment gets a directory below. Default <c>&lt;root&gt;/.nuke/temp/rendered</c>.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Where downloaded charts are kept. Default <c>&lt;root&gt;/.nuke/cache/charts</c>.</summary>
    public string? ChartCacheDirectory { get; init; }

    /// <summary>Mirrors that stand in for chart repositories (air-gapped labs): a chart of the key's repository URL is
    /// pulled from the value (an HTTP chart repository or an <c>oci://</c> registry) and cached as the repository's.</summary>
    public IReadOnlyDictionary<string, string> ChartMirrors { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether remote charts may be downloaded; when false only cached charts render.</summary>
    public bool AllowNetwork { get; init; } = true;

    /// <summary>More URLs of this repository, besides those the environment names: Applications pointing at them render from the checkout.</summary>
    public IReadOnlyList<string> RepositoryUrls { get; init; } = [];

    /// <summary>
    /// A directory of recorded <c>helm template</c> output, one <c>&lt;application&gt;.yaml</c> per Application: a remote
    /// chart whose Application has a file there is read from it instead of being pulled and rendered (to check a
    /// recorded render offline, such as the real charts' output the tests read). Null: every remote chart is rendered.
    /// </summary>
    public string? PrerenderedCharts { get; init; }

    /// <summary>
    /// The ArgoCD Applications to render, by name; null renders every Application. An Application left out is still
    /// in the set (as the object its parent rendered), but its sources are not rendered.
    /// </summary>
    public IReadOnlySet<string>? Applications { get; init; }

    /// <summary>
    /// Where rendered sources are cached (<c>.nuke/cache/rendered</c> in a build), each under the hash of everything its
    /// render read: files, values, chart package, tool versions, the environment file. A source whose inputs hash the
    /// same is read from there and neither kubectl nor helm runs. Null: nothing is cached.
    /// </summary>
    public string? RenderCacheDirectory { get; init; }

    /// <summary>Whether every source is rendered again even when its cache entry is good (<c>--no-cache</c>); the
    /// entries are written anew.</summary>
    public bool RefreshRenderCache { get; init; }

    /// <summary>The clock the render cache ages its entries by (see <see cref="RenderCache"/>).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether remote charts are only pulled into the chart cache (each package checked against its repository index's
    /// digest) and not rendered: what <c>SyncCharts</c> does to get every pinned chart ahead of offline work. The
    /// environment's own kustomizations and local charts still render, since that is where the Applications are.
    /// </summary>
    public bool PullChartsOnly { get; init; }

    /// <summary>Whether to write the rendered YAML to <see cref="OutputDirectory"/>.</summary>
    public bool WriteOutput { get; init; } = true;

    /// <summary>The output directory, with its default applied.</summary>
    public string OutputDirectoryOrDefault => OutputDirectory ?? Path.Combine(RepositoryRoot, ".nuke", "temp", "rendered");

    /// <summary>The chart cache, with its default applied.</summary>
    public string ChartCacheDirectoryOrDefault => ChartCacheDirectory ?? Path.Combine(RepositoryRoot, ".nuke", "cache", "charts");
}

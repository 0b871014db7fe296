using System.Collections.Immutable;

namespace HomeLab.Tools;

/// <summary>
/// helm (v3 or v4), run through CliWrap. Immutable: every <c>With…</c> method returns a new instance.
/// Only what rendering needs is here: <c>helm template</c> and <c>helm pull</c>.
/// </summary>
public sealed class Helm : CommandLineTool<Helm>
{
    /// <summary>The tool's name, also the file name looked for on PATH and in <c>.nuke/tools</c>.</summary>
    public const string ToolName = "helm";

    /// <summary>How to get helm when it is missing.</summary>
    public const string InstallHint = "run `bash build/tools/install-helm.sh` (installs helm into .nuke/tools/helm), put helm on PATH or set HELM_EXE";

    private Helm(string executablePath, string? workingDirectory, ImmutableDictionary<string, string?> environment)
        : base(executablePath, workingDirectory, environment)
    {
    }

    /// <summary>Uses a helm executable.</summary>
    /// <param name="executablePath">The executable.</param>
    public Helm(string executablePath)
        : this(executablePath, null, ImmutableDictionary<string, string?>.Empty)
    {
    }

    /// <summary>Finds helm: explicit path, <c>HELM_EXE</c>, PATH, then <c>&lt;root&gt;/.nuke/tools/helm</c>.</summary>
    /// <param name="explicitPath">A path given by the caller; wins when set.</param>
    /// <param name="repositoryRoot">The repository root; found from the current directory when null.</param>
    /// <returns>The wrapper.</returns>
    /// <exception cref="ToolNotFoundException">helm is nowhere to be found.</exception>
    public static Helm Locate(string? explicitPath = null, string? repositoryRoot = null) =>
        new(ToolLocator.Locate(ToolName, InstallHint, explicitPath, repositoryRoot));

    /// <summary>A copy whose helm keeps its cache, configuration and data under one directory, away from the user's own.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The new wrapper.</returns>
    public Helm WithHome(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return WithEnvironmentVariable("HELM_CACHE_HOME", Path.Combine(directory, "cache"))
            .WithEnvironmentVariable("HELM_CONFIG_HOME", Path.Combine(directory, "config"))
            .WithEnvironmentVariable("HELM_DATA_HOME", Path.Combine(directory, "data"));
    }

    /// <summary>Runs <c>helm template … --include-crds</c>.</summary>
    /// <param name="arguments">The release, chart, values and options.</param>
    /// <param name="cancellationToken">Stops the tool.</param>
    /// <returns>The result; the rendered YAML is its standard output.</returns>
    public Task<ToolResult> TemplateAsync(HelmTemplateArguments arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return ExecuteAsync(arguments.ToArguments(), cancellationToken);
    }

    /// <summary>The arguments of <c>helm pull &lt;chart&gt; --repo &lt;url&gt; --version &lt;v&gt; --destination &lt;dir&gt;</c>.</summary>
    /// <param name="chart">The chart's name.</param>
    /// <param name="repository">The chart repository's URL.</param>
    /// <param name="version">The version; the newest when null.</param>
    /// <param name="destination">Where the <c>.tgz</c> goes.</param>
    /// <returns>The arguments.</returns>
    public static IReadOnlyList<string> PullArguments(string chart, string repository, string? version, string destination)
    {
        var arguments = new List<string> { "pull", chart, "--repo", repository, "--destination", destination };
        if (version is not null)
        {
            arguments.AddRange(["--version", version]);
        }

        return arguments;
    }

    /// <summary>Runs <c>helm pull</c>: downloads a packaged chart from a chart repository.</summary>
    /// <param name="chart">The chart's name.</param>
    /// <param name="repository">The chart repository's URL.</param>
    /// <param name="version">The version; the newest when null.</param>
    /// <param name="destination">Where the <c>.tgz</c> goes.</param>
    /// <param name="cancellationToken">Stops the tool.</param>
    /// <returns>The result.</returns>
    public Task<ToolResult> PullAsync(string chart, string repository, string? version, string destination, CancellationToken cancellationToken = default) =>
        ExecuteAsync(PullArguments(chart, repository, version, destination), cancellationToken);

    private protected override Helm Create(string executablePath, string? workingDirectory, ImmutableDictionary<string, string?> environmentVariables) =>
        new(executablePath, workingDirectory, environmentVariables);
}

using System.Collections.Immutable;

namespace HomeLab.Tools;

/// <summary>
/// What to pass to <c>helm template</c>: a release, a chart (a directory, a <c>.tgz</c>, or a name with
/// <see cref="Repository"/>), a namespace, values files, <c>--set</c> values, a version. Immutable, with
/// <c>With…</c> builders; CRDs are included unless <see cref="IncludeCrds"/> is off.
/// </summary>
public sealed record HelmTemplateArguments
{
    /// <summary>Starts the arguments of a release of a chart.</summary>
    /// <param name="releaseName">The release name.</param>
    /// <param name="chart">The chart: a directory, a packaged <c>.tgz</c>, or a chart name in <see cref="Repository"/>.</param>
    public HelmTemplateArguments(string releaseName, string chart)
    {
        ArgumentException.ThrowIfNullOrEmpty(releaseName);
        ArgumentException.ThrowIfNullOrEmpty(chart);
        ReleaseName = releaseName;
        Chart = chart;
    }

    /// <summary>The release name.</summary>
    public string ReleaseName { get; init; }

    /// <summary>The chart.</summary>
    public string Chart { get; init; }

    /// <summary>The namespace (<c>-n</c>); none when null.</summary>
    public string? Namespace { get; init; }

    /// <summary>Values files (<c>-f</c>), in order: later files win.</summary>
    public ImmutableArray<string> ValueFiles { get; init; } = [];

    /// <summary>Values set on the command line (<c>--set</c>, or <c>--set-string</c> when forced to a string), in order.</summary>
    public ImmutableArray<HelmSetValue> SetValues { get; init; } = [];

    /// <summary>The chart version (<c>--version</c>); any when null.</summary>
    public string? Version { get; init; }

    /// <summary>The chart repository URL (<c>--repo</c>); none when null.</summary>
    public string? Repository { get; init; }

    /// <summary>The Kubernetes version templates see as <c>.Capabilities.KubeVersion</c> (<c>--kube-version</c>); helm's own when null.</summary>
    public string? KubeVersion { get; init; }

    /// <summary>More APIs templates see in <c>.Capabilities.APIVersions</c> (<c>--api-versions</c>), such as <c>monitoring.coreos.com/v1</c>.</summary>
    public ImmutableArray<string> ApiVersions { get; init; } = [];

    /// <summary>Whether the chart's <c>crds/</c> are rendered too (<c>--include-crds</c>); ArgoCD's <c>skipCrds</c> turns it off.</summary>
    public bool IncludeCrds { get; init; } = true;

    /// <summary>A copy with a namespace.</summary>
    /// <param name="value">The namespace.</param>
    /// <returns>The new arguments.</returns>
    public HelmTemplateArguments WithNamespace(string? value) => this with { Namespace = value };

    /// <summary>A copy with another values file appended.</summary>
    /// <param name="path">The values file.</param>
    /// <returns>The new arguments.</returns>
    public HelmTemplateArguments WithValueFile(string path) => this with { ValueFiles = ValueFiles.Add(path) };

    /// <summary>A copy with another <c>--set</c> value appended.</summary>
    /// <param name="name">The value's path, such as <c>image.tag</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="forceString">Whether to pass it with <c>--set-string</c>.</param>
    /// <returns>The new arguments.</returns>
    public HelmTemplateArguments WithSetValue(string name, string value, bool forceString = false) =>
        this with { SetValues = SetValues.Add(new HelmSetValue(name, value, forceString)) };

    /// <summary>A copy with a chart version.</summary>
    /// <param name="value">The version.</param>
    /// <returns>The new arguments.</returns>
    public HelmTemplateArguments WithVersion(string? value) => this with { Version = value };

    /// <summary>A copy with a chart repository URL.</summary>
    /// <param name="value">The repository URL.</param>
    /// <returns>The new arguments.</returns>
    public HelmTemplateArguments WithRepository(string? value) => this with { Repository = value };

    /// <summary>The command-line arguments, starting with <c>template</c>.</summary>
    /// <returns>The arguments.</returns>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "template", ReleaseName, Chart };
        if (IncludeCrds)
        {
            arguments.Add("--include-crds");
        }

        if (Namespace is not null)
        {
            arguments.AddRange(["-n", Namespace]);
        }

        if (KubeVersion is not null)
        {
            arguments.AddRange(["--kube-version", KubeVersion]);
        }

        foreach (var api in ApiVersions)
        {
            arguments.AddRange(["--api-versions", api]);
        }

        foreach (var file in ValueFiles)
        {
            arguments.AddRange(["-f", file]);
        }

        foreach (var set in SetValues)
        {
            arguments.AddRange([set.ForceString ? "--set-string" : "--set", $"{set.Name}={set.Value}"]);
        }

        if (Version is not null)
        {
            arguments.AddRange(["--version", Version]);
        }

        if (Repository is not null)
        {
            arguments.AddRange(["--repo", Repository]);
        }

        return arguments;
    }
}

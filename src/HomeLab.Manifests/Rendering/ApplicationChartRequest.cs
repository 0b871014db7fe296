using System.Collections.Immutable;
using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;
using HomeLab.Tools;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Reads the <c>helm</c> block of an ArgoCD Application source into a <see cref="HelmChartRequest"/>, as ArgoCD would:
/// release name, destination namespace, value files (relative to the chart, or <c>$ref/…</c> through another source of
/// this repository), inline values, parameters; a values file that is not there is an error finding at its line.
/// </summary>
/// <param name="environment">The environment being rendered.</param>
/// <param name="options">Where the repository is.</param>
/// <param name="apiVersions">The APIs the chart sees.</param>
/// <param name="repositoryUrls">The normalized URLs of this repository.</param>
/// <param name="findings">Where problems are reported.</param>
internal sealed class ApplicationChartRequest(EnvironmentDefinition environment, RenderOptions options, ImmutableArray<string> apiVersions, IReadOnlySet<string> repositoryUrls, List<Finding> findings)
{
    /// <summary>The request for one source of an Application.</summary>
    public HelmChartRequest Read(KubeObject application, YamlMap source, string chart, string? chartDirectory, Dictionary<string, YamlMap> refs)
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
                && (application.Annotations.GetValueOrDefault(EnvironmentRenderer.LocalSourceAnnotation) == "repository" || repositoryUrls.Contains(RepositoryUrl.Normalize(referenced.GetString("repoURL") ?? string.Empty)));
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

        findings.Add(new Finding(RenderRuleIds.PathNotFound, Severity.Error, $"Application {application.Name}: the values file {text} is not in this repository{(resolved is null ? string.Empty : $" (looked for {resolved})")}")
        {
            Span = file.Span,
            Object = application.Ref,
            Hint = "value files are relative to the chart's path, or $<ref>/<path from the repository root> with a source that has ref: <ref> and this repository's URL",
        });
        return null;
    }
}

using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>The sources of an ArgoCD Application: <c>spec.source</c> or each of <c>spec.sources</c>, with their paths.</summary>
public static class ApplicationSources
{
    /// <summary>ArgoCD's API group.</summary>
    public const string Group = "argoproj.io";

    private static readonly FieldPath SourcePath = FieldPath.Root.Key("spec").Key("source");
    private static readonly FieldPath SourcesPath = FieldPath.Root.Key("spec").Key("sources");

    /// <summary>The Applications among the objects being linted.</summary>
    /// <param name="context">The lint context.</param>
    /// <returns>The Applications.</returns>
    public static IEnumerable<KubeObject> Applications(LintContext context) => context.OfKind(Group, "Application");

    /// <summary>Each source of an Application with the field path it sits at.</summary>
    /// <param name="application">The Application.</param>
    /// <returns>The sources, <c>spec.source</c> first.</returns>
    public static IEnumerable<(YamlMap Source, FieldPath Path)> Of(KubeObject application)
    {
        var spec = application.Root.GetMap("spec");
        if (spec?.GetMap("source") is { } source)
        {
            yield return (source, SourcePath);
        }

        if (spec?.GetList("sources") is { } sources)
        {
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i] is YamlMap item)
                {
                    yield return (item, SourcesPath.Index(i));
                }
            }
        }
    }
}

using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>The sources of an ArgoCD Application: <c>spec.source</c> or each of <c>spec.sources</c>, with their paths.</summary>
internal static class ApplicationSources
{
    public const string Group = "argoproj.io";

    private static readonly FieldPath SourcePath = FieldPath.Root.Key("spec").Key("source");
    private static readonly FieldPath SourcesPath = FieldPath.Root.Key("spec").Key("sources");

    public static IEnumerable<KubeObject> Applications(LintContext context) => context.OfKind(Group, "Application");

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

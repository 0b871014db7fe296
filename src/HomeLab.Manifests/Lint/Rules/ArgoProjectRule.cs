using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>Each Application names an AppProject in the set (same namespace when both set one) whose
/// <c>sourceRepos</c> permit every source (globs; <c>!</c> patterns deny) and whose <c>destinations</c> permit its
/// destination (server or name, and namespace; globs).</summary>
internal sealed class ArgoProjectRule() : LintRule(
    LintRuleIds.ArgoProject,
    Severity.Error,
    "ArgoCD refuses to sync an Application its AppProject does not permit; catch it before the sync does.")
{
    private static readonly FieldPath ProjectPath = FieldPath.Root.Key("spec").Key("project");
    private static readonly FieldPath DestinationPath = FieldPath.Root.Key("spec").Key("destination");

    public override void Check(LintContext context)
    {
        var projects = context.OfKind(ApplicationSources.Group, "AppProject").ToList();
        foreach (var application in ApplicationSources.Applications(context))
        {
            var name = application.Root.Find(ProjectPath) is YamlScalar { IsNull: false } scalar ? scalar.Value : "default";
            var project = projects.FirstOrDefault(p => p.Name == name && (p.Namespace is null || application.Namespace is null || p.Namespace == application.Namespace));
            if (project is null && name == "default")
            {
                continue; // ArgoCD creates the default project itself, permitting every source and destination
            }

            if (project is null)
            {
                context.Report(application, ProjectPath, $"Application '{application.Name}' belongs to AppProject '{name}', which is not in the set", "add the AppProject, or set spec.project to one that is");
                continue;
            }

            var projectSpec = project.Root.GetMap("spec");
            var repos = Strings(projectSpec?.GetList("sourceRepos"));
            foreach (var (source, path) in ApplicationSources.Of(application))
            {
                var repo = source.GetString("repoURL") ?? string.Empty;
                if (!RepoPermitted(repos, repo))
                {
                    context.Report(application, path.Key("repoURL"), $"AppProject '{name}' does not permit the source repository '{repo}'", $"add it to spec.sourceRepos of AppProject '{name}'");
                }
            }

            var destination = application.Root.Find(DestinationPath) as YamlMap;
            if (!DestinationPermitted(projectSpec?.GetList("destinations"), destination))
            {
                var where = $"{destination?.GetString("server") ?? destination?.GetString("name")}/{destination?.GetString("namespace")}";
                context.Report(application, DestinationPath, $"AppProject '{name}' does not permit the destination {where}", $"add the server (or name) and namespace to spec.destinations of AppProject '{name}'");
            }
        }
    }

    private static List<string> Strings(YamlList? list) =>
        list is null ? [] : [.. list.Items.OfType<YamlScalar>().Where(s => !s.IsNull).Select(s => s.Value)];

    private static bool RepoPermitted(List<string> patterns, string repo)
    {
        var permitted = false;
        foreach (var pattern in patterns)
        {
            if (pattern.StartsWith('!'))
            {
                if (Glob.Matches(pattern[1..], repo))
                {
                    return false;
                }
            }
            else
            {
                permitted |= Glob.Matches(pattern, repo);
            }
        }

        return permitted;
    }

    private static bool DestinationPermitted(YamlList? destinations, YamlMap? destination)
    {
        if (destinations is null || destination is null)
        {
            return false;
        }

        var server = destination.GetString("server");
        var name = destination.GetString("name");
        var ns = destination.GetString("namespace") ?? string.Empty;
        foreach (var item in destinations.Items)
        {
            if (item is not YamlMap allowed)
            {
                continue;
            }

            var allowedServer = allowed.GetString("server");
            var allowedName = allowed.GetString("name");
            var clusterOk = (server is not null && allowedServer is not null && Glob.Matches(allowedServer, server))
                || (name is not null && allowedName is not null && Glob.Matches(allowedName, name))
                || allowedServer == "*" || allowedName == "*";
            if (clusterOk && Glob.Matches(allowed.GetString("namespace") ?? "*", ns))
            {
                return true;
            }
        }

        return false;
    }
}

using HomeLab.Manifests.Lint.Rules;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Pipeline.GitHubActions;

/// <summary>
/// The repository paths a set of ArgoCD Applications deploys from: each Application's own file, the directory of
/// each source <c>path</c>, and the directory of each <c>$values/…</c> values file. They become a workflow's path
/// filters, so a new Application or a moved directory changes the filters without anyone typing them.
/// </summary>
public static class ApplicationPaths
{
    /// <summary>
    /// The path globs (relative to the root, <c>/</c>-separated, sorted) of the Applications of an ArgoCD project,
    /// and of every other Application in the paths with one of their names (an environment's patches of them).
    /// </summary>
    /// <param name="rootDirectory">The repository root.</param>
    /// <param name="applications">Files or directories holding the Applications and their patches.</param>
    /// <param name="project">The project, for example <c>observability</c>.</param>
    /// <returns>The globs.</returns>
    public static IReadOnlyList<string> OfProject(string rootDirectory, IEnumerable<string> applications, string project)
    {
        var all = ManifestSet.Load(applications).Objects.Where(o => o.Kind == "Application" && o.Group == ApplicationSources.Group).ToList();
        var names = all.Where(o => o.Find("spec.project") is YamlScalar { Value: var value } && value == project).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var globs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var application in all.Where(o => names.Contains(o.Name)))
        {
            globs.Add(Relative(rootDirectory, application.SourceFile));
            foreach (var (source, _) in ApplicationSources.Of(application))
            {
                if (source.GetString("path") is { Length: > 0 } path && Directory.Exists(Path.Combine(rootDirectory, path)))
                {
                    globs.Add(path.TrimEnd('/') + "/**");
                }

                foreach (var file in source.GetMap("helm")?.GetList("valueFiles")?.Items.OfType<YamlScalar>() ?? [])
                {
                    if (file.Value.StartsWith("$values/", StringComparison.Ordinal) && Path.GetDirectoryName(file.Value["$values/".Length..]) is { Length: > 0 } directory)
                    {
                        globs.Add(directory.Replace('\\', '/') + "/**");
                    }
                }
            }
        }

        return [.. globs];
    }

    private static string Relative(string rootDirectory, string file) =>
        Path.GetRelativePath(rootDirectory, Path.GetFullPath(file, rootDirectory)).Replace('\\', '/');
}

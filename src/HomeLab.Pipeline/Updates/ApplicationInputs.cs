using System.Text.RegularExpressions;
using HomeLab.Manifests.Lint.Rules;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Pipeline.Updates;

/// <summary>
/// What an ArgoCD Application is rendered from, read from the Application and the repository's files without rendering
/// anything: the files that declare or patch it (its spans), its local source trees (a kustomization's resources,
/// components and patches followed, <c>../</c> included; a local chart whole), its <c>$ref</c> value files — and
/// whether those trees hold Applications of their own (an app of apps, which must render for its children to be seen).
/// </summary>
/// <param name="Files">The files, relative to the repository root with <c>/</c>.</param>
/// <param name="HoldsApplications">Whether a local source tree declares Applications.</param>
/// <param name="ManifestFiles">The manifest files of its local trees that are not charts (full paths): the objects the
/// homelab writes itself, readable without rendering.</param>
internal sealed partial record ApplicationInputs(IReadOnlySet<string> Files, bool HoldsApplications, IReadOnlyList<string> ManifestFiles)
{
    private static readonly string[] KustomizationFiles = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    // The kustomization fields that name files or directories of the tree.
    private static readonly string[] KustomizationPaths = ["resources", "components", "bases", "patchesStrategicMerge", "crds", "configurations"];

    /// <summary>Reads an Application's inputs.</summary>
    /// <param name="application">The Application, as its parent rendered it (its spans name the files it came from).</param>
    /// <param name="root">The repository root the Application was rendered from.</param>
    /// <param name="repositoryUrls">This repository's URLs, normalized (<see cref="RepositoryUrl.Normalize"/>).</param>
    /// <returns>The inputs.</returns>
    public static ApplicationInputs Of(KubeObject application, string root, IReadOnlySet<string> repositoryUrls)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        SpanFiles(application.Root, root, files);
        var local = application.Annotations.GetValueOrDefault(EnvironmentRenderer.LocalSourceAnnotation) == "repository";
        var sources = ApplicationSources.Of(application).Select(s => s.Source).ToList();
        bool IsLocal(YamlMap source) => local || repositoryUrls.Contains(RepositoryUrl.Normalize(source.GetString("repoURL") ?? string.Empty));
        var trees = new HashSet<string>(StringComparer.Ordinal);
        var manifests = new HashSet<string>(StringComparer.Ordinal);
        var holds = false;
        foreach (var source in sources.Where(IsLocal))
        {
            if (source.GetString("path") is { } path && Path.GetFullPath(Path.Combine(root, path)) is var directory && Directory.Exists(directory))
            {
                var tree = new HashSet<string>(StringComparer.Ordinal);
                var written = new HashSet<string>(StringComparer.Ordinal);
                Tree(directory, tree, written, [], 0);
                holds |= written.Any(DeclaresApplications);
                trees.UnionWith(tree);
                manifests.UnionWith(written);
            }
        }

        var refs = sources.Where(s => s.GetString("ref") is not null && IsLocal(s)).Select(s => s.GetString("ref")!).ToHashSet(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var file in source.GetMap("helm")?.GetList("valueFiles")?.Items.OfType<YamlScalar>() ?? [])
            {
                // $values/manifests/x/values.yaml: a file of this repository when the source with ref: values is this repository.
                if (file.Value.StartsWith('$') && file.Value.IndexOf('/', StringComparison.Ordinal) is > 1 and var slash && refs.Contains(file.Value[1..slash]))
                {
                    files.Add(file.Value[(slash + 1)..]);
                }
            }
        }

        files.UnionWith(trees.Select(f => Relative(root, f)));
        return new ApplicationInputs(files, holds, [.. manifests.Order(StringComparer.Ordinal)]);
    }

    private static void SpanFiles(YamlNode node, string root, HashSet<string> files)
    {
        if (node.Span.IsKnown && node.Span.File.Length > 0)
        {
            files.Add(Relative(root, node.Span.File));
        }

        switch (node)
        {
            case YamlMap map:
                foreach (var entry in map.Entries)
                {
                    SpanFiles(entry.Value, root, files);
                }

                break;
            case YamlList list:
                foreach (var item in list.Items)
                {
                    SpanFiles(item, root, files);
                }

                break;
        }
    }

    /// <summary>The files of a local source: a chart directory whole, a kustomization's tree, or a directory's manifests.</summary>
    private static void Tree(string directory, HashSet<string> files, HashSet<string> manifests, HashSet<string> seen, int depth)
    {
        if (depth > 32 || !seen.Add(directory))
        {
            return;
        }

        if (File.Exists(Path.Combine(directory, "Chart.yaml")))
        {
            files.UnionWith(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories));
            return;
        }

        if (KustomizationFiles.Select(f => Path.Combine(directory, f)).FirstOrDefault(File.Exists) is not { } kustomization)
        {
            var found = ManifestSet.FindManifestFiles(directory);
            files.UnionWith(found);
            manifests.UnionWith(found);
            return;
        }

        files.Add(kustomization);
        if (YamlLoader.Default.LoadFile(kustomization).Documents is not [{ Root: YamlMap body }, ..])
        {
            return;
        }

        var entries = KustomizationPaths.SelectMany(k => body.GetList(k)?.Items ?? []).OfType<YamlScalar>().Select(s => s.Value)
            .Concat(body.GetList("patches")?.Items.OfType<YamlMap>().Select(p => p.GetString("path")).OfType<string>() ?? [])
            .Concat(new[] { "configMapGenerator", "secretGenerator" }.SelectMany(g => body.GetList(g)?.Items.OfType<YamlMap>() ?? [])
                .SelectMany(g => (g.GetList("files")?.Items ?? []).Concat(g.GetList("envs")?.Items ?? []))
                .OfType<YamlScalar>().Select(s => s.Value[(s.Value.IndexOf('=', StringComparison.Ordinal) + 1)..]));
        foreach (var entry in entries.Where(e => !e.Contains("://", StringComparison.Ordinal)))
        {
            var full = Path.GetFullPath(Path.Combine(directory, entry));
            if (Directory.Exists(full))
            {
                Tree(full, files, manifests, seen, depth + 1);
            }
            else if (File.Exists(full))
            {
                files.Add(full);
                if (Path.GetExtension(full) is ".yaml" or ".yml" or ".json")
                {
                    manifests.Add(full);
                }
            }
        }
    }

    private static bool DeclaresApplications(string file) => ApplicationKind().IsMatch(File.ReadAllText(file));

    private static string Relative(string root, string file) =>
        Path.IsPathRooted(file) ? Path.GetRelativePath(root, file).Replace('\\', '/') : file.Replace('\\', '/');

    [GeneratedRegex(@"^kind:\s*Application\s*$", RegexOptions.Multiline)]
    private static partial Regex ApplicationKind();
}

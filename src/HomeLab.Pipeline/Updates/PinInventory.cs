using System.Text.RegularExpressions;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Pipeline.Updates;

/// <summary>
/// Every pin the pipeline knows of in a repository: the Applications' chart versions (single and multi source, the
/// environments' patches too), image tags in values files, plain manifests and kustomizations, GitHub Actions, the
/// environments' Kubernetes versions, k3d's k3s image and the tools pinned in scripts.
/// </summary>
public static partial class PinInventory
{
    private static readonly string[] Skipped = [".git", ".nuke", "bin", "obj", "node_modules", "tests"];

    /// <summary>Finds the pins.</summary>
    /// <param name="repositoryRoot">The repository root.</param>
    /// <returns>The pins, by file and line.</returns>
    public static IReadOnlyList<Pin> Find(string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        var pins = new List<Pin>();
        foreach (var file in Files(repositoryRoot))
        {
            var relative = Path.GetRelativePath(repositoryRoot, file).Replace('\\', '/');
            var name = Path.GetFileName(file);
            if (relative.StartsWith(".github/workflows/", StringComparison.Ordinal))
            {
                pins.AddRange(Matches(file, relative, UsesPattern(), PinKind.WorkflowAction));
            }
            else if (relative.StartsWith("build/tools/", StringComparison.Ordinal) && name.EndsWith(".sh", StringComparison.Ordinal))
            {
                pins.AddRange(Matches(file, relative, PackagePattern(), PinKind.Tool));
            }
            else if ((relative.StartsWith("manifests/", StringComparison.Ordinal) || relative.StartsWith("clusters/", StringComparison.Ordinal)) && name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                foreach (var document in YamlLoader.Default.LoadFile(file).Documents)
                {
                    if (document.Root is YamlMap root)
                    {
                        pins.AddRange(FromYaml(root, relative, name));
                    }
                }
            }
        }

        return [.. pins.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line)];
    }

    private static IEnumerable<Pin> FromYaml(YamlMap root, string file, string name)
    {
        if (name == "environment.yaml" && root["kubernetesVersion"] is YamlScalar version)
        {
            yield return new Pin(PinKind.KubernetesVersion, "kubernetes", version.Value, file, version.Span.Line);
            yield break;
        }

        if (file == "clusters/k3d/k3d.yaml")
        {
            if (root["image"] is YamlScalar image && Split(image.Value) is var (repository, tag))
            {
                yield return new Pin(PinKind.K3sImage, repository, tag, file, image.Span.Line);
            }

            yield break;
        }

        if (root.GetString("kind") == "Application" && root.GetString("apiVersion")?.StartsWith("argoproj.io/", StringComparison.Ordinal) == true)
        {
            var spec = root.GetMap("spec");
            var sources = spec?.GetMap("source") is { } single ? [single] : spec?.GetList("sources")?.Items.OfType<YamlMap>() ?? [];
            foreach (var source in sources)
            {
                if (source.GetString("chart") is { } chart && source["targetRevision"] is YamlScalar revision)
                {
                    yield return new Pin(PinKind.ApplicationChart, chart, revision.Value, file, revision.Span.Line);
                }
            }

            yield break;
        }

        var isValues = ValuesFile().IsMatch(name);
        if (name is "kustomization.yaml")
        {
            foreach (var image in root.GetList("images")?.Items.OfType<YamlMap>() ?? [])
            {
                if (image["newTag"] is YamlScalar newTag)
                {
                    yield return new Pin(PinKind.KustomizeImage, image.GetString("newName") ?? image.GetString("name") ?? "?", newTag.Value, file, newTag.Span.Line);
                }
            }

            yield break;
        }

        foreach (var pin in Images(root, file, isValues))
        {
            yield return pin;
        }
    }

    private static IEnumerable<Pin> Images(YamlNode node, string file, bool isValues)
    {
        switch (node)
        {
            case YamlMap map:
                if (isValues && map["repository"] is YamlScalar { IsNull: false } repository && map["tag"] is YamlScalar { IsNull: false } tag && tag.Value.Length > 0)
                {
                    yield return new Pin(PinKind.ValuesImage, repository.Value, tag.Value, file, tag.Span.Line);
                }

                foreach (var entry in map.Entries)
                {
                    if (entry.Key == "image" && entry.Value is YamlScalar image && Split(image.Value) is var (name, version))
                    {
                        yield return new Pin(isValues ? PinKind.ValuesImageString : PinKind.ManifestImage, name, version, file, image.Span.Line);
                    }
                    else
                    {
                        foreach (var pin in Images(entry.Value, file, isValues))
                        {
                            yield return pin;
                        }
                    }
                }

                break;
            case YamlList list:
                foreach (var pin in list.Items.SelectMany(i => Images(i, file, isValues)))
                {
                    yield return pin;
                }

                break;
        }
    }

    private static (string Name, string Tag)? Split(string image)
    {
        var at = image.LastIndexOf(':');
        return at > 0 && at > image.LastIndexOf('/') && at < image.Length - 1 ? (image[..at], image[(at + 1)..]) : null;
    }

    private static IEnumerable<Pin> Matches(string file, string relative, Regex pattern, PinKind kind)
    {
        var text = File.ReadAllText(file);
        foreach (Match match in pattern.Matches(text))
        {
            var line = text.AsSpan(0, match.Groups["version"].Index).Count('\n') + 1;
            yield return new Pin(kind, match.Groups["name"].Value, match.Groups["version"].Value, relative, line);
        }
    }

    private static IEnumerable<string> Files(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var directory))
        {
            foreach (var sub in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
            {
                if (!Skipped.Contains(Path.GetFileName(sub)) || Path.GetFileName(sub) == ".github")
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(directory))
            {
                yield return file;
            }
        }
    }

    [GeneratedRegex(@"uses:\s*['""]?(?<name>[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+)@(?<version>[A-Za-z0-9_.-]+)")]
    private static partial Regex UsesPattern();

    [GeneratedRegex(@"package=""(?<name>@?[a-z0-9][a-z0-9./_-]*)@(?<version>\d[^""]*)""")]
    private static partial Regex PackagePattern();

    [GeneratedRegex(@"^values(-[^/]+)?\.ya?ml$")]
    private static partial Regex ValuesFile();
}

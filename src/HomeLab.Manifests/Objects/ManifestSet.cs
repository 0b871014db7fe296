using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Objects;

/// <summary>
/// Kubernetes objects loaded from files, directories or text, with the problems found while loading.
/// Objects come in a deterministic order: paths in the order given, a directory's files (<c>*.yaml</c>,
/// <c>*.yml</c>, <c>*.json</c>, recursively, skipping folders whose name starts with a dot) in ordinal order of
/// their relative path, documents in file order, and the items of a <c>kind: List</c> in place of the list.
/// </summary>
public sealed class ManifestSet
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Creates a set.</summary>
    /// <param name="objects">The objects.</param>
    /// <param name="findings">The problems found.</param>
    public ManifestSet(IReadOnlyList<KubeObject> objects, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(findings);
        Objects = objects;
        Findings = findings;
    }

    /// <summary>The objects, in a deterministic order. Objects missing apiVersion, kind or name are here too.</summary>
    public IReadOnlyList<KubeObject> Objects { get; }

    /// <summary>The problems found while loading.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Whether any finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>Loads files and directories; files are parsed in parallel, the result is in a fixed order.</summary>
    /// <param name="paths">Files (read whatever their extension) and directories (searched recursively).</param>
    /// <returns>The objects and findings; a missing path is a finding.</returns>
    public static ManifestSet Load(params IEnumerable<string> paths)
    {
        var findings = new List<Finding>();
        var files = ResolveFiles(paths, findings);
        var results = new YamlLoadResult[files.Count];
        Parallel.For(0, files.Count, i => results[i] = YamlLoader.Manifests.LoadFile(files[i]));
        return Collect(results, findings);
    }

    /// <summary>Loads files and directories without blocking on the disk.</summary>
    /// <param name="paths">Files (read whatever their extension) and directories (searched recursively).</param>
    /// <param name="cancellationToken">Stops the load.</param>
    /// <returns>The objects and findings; a missing path is a finding.</returns>
    public static async Task<ManifestSet> LoadAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var findings = new List<Finding>();
        var files = ResolveFiles(paths, findings);
        var results = new YamlLoadResult[files.Count];
        await Parallel.ForAsync(0, files.Count, cancellationToken, async (i, ct) =>
            results[i] = await YamlLoader.Manifests.LoadFileAsync(files[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return Collect(results, findings);
    }

    /// <summary>Loads manifests from text, such as the output of <c>kustomize build</c>.</summary>
    /// <param name="text">The YAML or JSON.</param>
    /// <param name="displayName">The name spans carry.</param>
    /// <returns>The objects and findings.</returns>
    public static ManifestSet Parse(string text, string displayName) =>
        Collect([YamlLoader.Manifests.LoadString(text, displayName)], []);

    /// <summary>The manifest files under a directory, recursively, in ordinal order of their relative path.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The files' paths (the directory joined with the relative path).</returns>
    public static IReadOnlyList<string> FindManifestFiles(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var files = new List<(string Relative, string Full)>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (!Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)
                || relative.Split('/').SkipLast(1).Any(part => part.StartsWith('.')))
            {
                continue;
            }

            files.Add((relative, file));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return files.ConvertAll(f => f.Full);
    }

    private static List<string> ResolveFiles(IEnumerable<string> paths, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(FindManifestFiles(path));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                findings.Add(new Finding(ManifestRuleIds.PathNotFound, Severity.Error, $"'{path}' is neither a file nor a directory")
                {
                    Hint = "check the path; relative paths start from the current directory",
                });
            }
        }

        return files;
    }

    private static ManifestSet Collect(IEnumerable<YamlLoadResult> results, List<Finding> findings)
    {
        var objects = new List<KubeObject>();
        foreach (var result in results)
        {
            findings.AddRange(result.Findings);
            foreach (var document in result.Documents)
            {
                Add((YamlMap)document.Root, document.Index, objects, findings);
            }
        }

        return new ManifestSet(objects, findings);
    }

    internal static void Add(YamlMap root, int documentIndex, List<KubeObject> objects, List<Finding> findings)
    {
        var obj = new KubeObject(root, documentIndex);
        if (obj.Kind is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && root.GetList("items") is { } items)
        {
            foreach (var item in items.Items)
            {
                if (item is YamlMap map)
                {
                    Add(map, documentIndex, objects, findings);
                }
                else
                {
                    findings.Add(new Finding(ManifestRuleIds.ListItemNotAMapping, Severity.Error, $"an item of this {kind} is not an object")
                    {
                        Span = item.Span,
                        Object = obj.Ref,
                        FieldPath = "items",
                        Hint = "each item must be a Kubernetes object with apiVersion, kind and metadata",
                    });
                }
            }

            return;
        }

        ReportMissing(obj, obj.ApiVersion, "apiVersion", findings);
        ReportMissing(obj, obj.Kind, "kind", findings);
        if (obj.Name is null && obj.Metadata?.GetString("generateName") is null)
        {
            ReportMissing(obj, null, "metadata.name", findings);
        }

        objects.Add(obj);
    }

    private static void ReportMissing(KubeObject obj, string? value, string field, List<Finding> findings)
    {
        if (!string.IsNullOrEmpty(value))
        {
            return;
        }

        findings.Add(new Finding(ManifestRuleIds.MissingField, Severity.Error, $"the object has no {field}")
        {
            Span = obj.Span,
            Object = obj.Ref,
            FieldPath = field,
            Hint = "every Kubernetes object needs apiVersion, kind and metadata.name",
        });
    }
}

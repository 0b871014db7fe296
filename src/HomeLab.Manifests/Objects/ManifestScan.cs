using System.Text.RegularExpressions;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Objects;

/// <summary>
/// Reads the manifests under paths a person points at, the way kubeconform does: every bad file is reported and the
/// rest are still read; files that are not Kubernetes objects (kustomization files, patches, Helm charts' templates
/// and values, other YAML or JSON) are recognised and skipped with a note; objects holding unrendered placeholders
/// are reported once and left out. Each real file is read once, whatever links, repeated paths or a folder plus a
/// file in it lead to it; symbolic-link loops are reported, never followed.
/// </summary>
public sealed partial class ManifestScan
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];
    private static readonly string[] KustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
    private const string StandardInputName = "<stdin>";
    private const string LooseSet = "path";

    private readonly ManifestScanOptions _options;
    private readonly List<Finding> _findings = [];
    private readonly HashSet<string> _realFiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _realDirectories = new(StringComparer.Ordinal);
    private readonly List<string> _files = [];
    private readonly HashSet<string> _kustomizationDirectories = new(StringComparer.Ordinal);
    private readonly HashSet<string> _patchFiles = new(StringComparer.Ordinal);
    private int _skipped;
    private int _found; // manifest files met, repeats included

    private ManifestScan(ManifestScanOptions options) => _options = options;

    /// <summary>Reads the paths the options name.</summary>
    /// <param name="options">What to read and leave out.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    /// <returns>The sets of objects and the findings.</returns>
    public static Task<ManifestScanResult> RunAsync(ManifestScanOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ManifestScan(options).ScanAsync(cancellationToken);
    }

    [GeneratedRegex(@"\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=+?][^}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    private async Task<ManifestScanResult> ScanAsync(CancellationToken cancellationToken)
    {
        var stdin = false;
        foreach (var path in _options.Paths)
        {
            if (path == "-")
            {
                stdin = true;
                continue;
            }

            AddRoot(path);
        }

        var loose = new List<KubeObject>();
        var sets = new SortedDictionary<string, List<KubeObject>>(StringComparer.Ordinal);
        if (stdin)
        {
            var result = await ReadStandardInputAsync(cancellationToken).ConfigureAwait(false);
            if (result is not null)
            {
                Collect(result, loose);
            }
        }

        var read = ClassifyFiles(out var manifests);
        if (_options.RenderKustomization is { } render)
        {
            foreach (var directory in _kustomizationDirectories.Order(StringComparer.Ordinal))
            {
                var rendered = await render(directory, cancellationToken).ConfigureAwait(false);
                _findings.AddRange(rendered.Findings);
                sets[directory] = [.. rendered.Objects];
            }

            manifests.RemoveAll(file => KustomizationOf(file) is not null);
        }

        var results = new YamlLoadResult[manifests.Count];
        await Parallel.ForAsync(0, manifests.Count, cancellationToken, async (i, ct) =>
            results[i] = await _options.Loader.LoadFileAsync(manifests[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var result in results)
        {
            var directory = KustomizationOf(result.File);
            List<KubeObject> target;
            if (directory is null)
            {
                target = loose;
            }
            else if (!sets.TryGetValue(directory, out target!))
            {
                target = sets[directory] = [];
            }

            Collect(result, target);
        }

        var all = new List<ScannedSet>(sets.Count + 1);
        if (loose.Count > 0 || sets.Count == 0)
        {
            all.Add(new ScannedSet(LooseSet, loose));
        }

        all.AddRange(sets.Select(s => new ScannedSet(s.Key, s.Value)));
        return new ManifestScanResult(all, _findings, read + (stdin ? 1 : 0), _skipped);
    }

    private void AddRoot(string path)
    {
        if (Directory.Exists(path))
        {
            var before = _found;
            var real = RealPath(path);
            if (real is null || _realDirectories.Contains(real))
            {
                return; // a loop, or a folder already read
            }

            Walk(path, real, []);
            if (_found == before)
            {
                _findings.Add(new Finding(ManifestRuleIds.NoManifests, Severity.Error, $"'{path}' holds no manifest files (*.yaml, *.yml or *.json)")
                {
                    Span = new SourceSpan(path, 0, 0, 0, 0),
                    Hint = "check the path; folders whose name starts with a dot are not searched",
                });
            }
        }
        else if (File.Exists(path))
        {
            if (RealPath(path) is { } real)
            {
                AddFile(path, real);
            }
        }
        else
        {
            var dangling = new FileInfo(path).LinkTarget is { } target ? $"a link to '{target}', which does not exist" : "neither a file nor a directory";
            _findings.Add(new Finding(ManifestRuleIds.PathNotFound, Severity.Error, $"'{path}' is {dangling}")
            {
                Hint = "check the path; relative paths start from the current directory",
            });
        }
    }

    // The ancestors are the real folders on the way down: a link back to one of them is a loop.
    private void Walk(string directory, string real, HashSet<string> ancestors)
    {
        if (ancestors.Contains(real))
        {
            _findings.Add(new Finding(ManifestRuleIds.LinkLoop, Severity.Warning, $"'{directory}' links back to a folder that contains it; not followed")
            {
                Span = new SourceSpan(directory, 0, 0, 0, 0),
                Hint = "remove the link, or point --path at a folder without it",
            });
            return;
        }

        if (!_realDirectories.Add(real))
        {
            return;
        }

        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _findings.Add(Unreadable(directory, "folder", ex));
            return;
        }

        Array.Sort(entries, StringComparer.Ordinal);
        ancestors.Add(real);
        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            if (Directory.Exists(entry))
            {
                if (!name.StartsWith('.') && RealChild(entry, real, name) is { } child)
                {
                    Walk(entry, child, ancestors);
                }
            }
            else if (Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase) || KustomizationNames.Contains(name, StringComparer.Ordinal))
            {
                if (RealChild(entry, real, name) is { } child)
                {
                    AddFile(entry, child);
                }
            }
        }

        ancestors.Remove(real);
    }

    private void AddFile(string path, string real)
    {
        _found++;
        if (!_realFiles.Add(real))
        {
            return; // the same file again: given twice, or a folder and a file in it, or through a link
        }

        if (_options.IgnoreFilenamePatterns.Any(pattern => pattern.IsMatch(path)))
        {
            _skipped++;
            return;
        }

        _files.Add(path);
    }

    // Kustomization files are read first: they name the patches, which are not whole objects.
    private int ClassifyFiles(out List<string> manifests)
    {
        foreach (var file in _files.Where(f => KustomizationNames.Contains(Path.GetFileName(f), StringComparer.Ordinal)))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
            _kustomizationDirectories.Add(directory);
            foreach (var patch in PatchFiles(file))
            {
                _patchFiles.Add(Path.GetFullPath(Path.Combine(directory, patch)));
            }

            Skip(file, "a kustomization file, not an object", "--render-kustomize checks what it builds");
        }

        manifests = [];
        var read = 0;
        foreach (var file in _files)
        {
            var name = Path.GetFileName(file);
            if (KustomizationNames.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            if (_patchFiles.Contains(Path.GetFullPath(file)))
            {
                Skip(file, "a kustomize patch, not a whole object", "--render-kustomize checks the objects it patches");
            }
            else if (IsHelmChartFile(file))
            {
                Skip(file, "a Helm chart's file (Chart.yaml, values or a template), not an object", "render the chart (helm template) to check what it makes");
            }
            else
            {
                manifests.Add(file);
                read++;
            }
        }

        return read;
    }

    private static IEnumerable<string> PatchFiles(string kustomization)
    {
        var result = YamlLoader.Default.LoadFile(kustomization);
        if (result.Documents is not [{ Root: YamlMap root }, ..])
        {
            yield break;
        }

        foreach (var key in (string[])["patches", "patchesJson6902", "patchesStrategicMerge"])
        {
            foreach (var item in root.GetList(key)?.Items ?? [])
            {
                var path = item switch
                {
                    YamlScalar { IsNull: false } scalar when !scalar.Value.Contains('\n', StringComparison.Ordinal) => scalar.Value,
                    YamlMap map => map.GetString("path"),
                    _ => null,
                };
                if (path is not null)
                {
                    yield return path;
                }
            }
        }
    }

    private static bool IsHelmChartFile(string file)
    {
        var name = Path.GetFileName(file);
        if (name is "Chart.yaml" or "Chart.lock" or "values.schema.json"
            || (name.StartsWith("values", StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal))
            || name.EndsWith(".values.yaml", StringComparison.Ordinal))
        {
            return true;
        }

        // A file anywhere under a chart's templates/ folder.
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(file)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Path.GetFileName(directory) == "templates" && Path.GetDirectoryName(directory) is { } chart && File.Exists(Path.Combine(chart, "Chart.yaml")))
            {
                return true;
            }
        }

        return false;
    }

    private string? KustomizationOf(string file)
    {
        if (_kustomizationDirectories.Count == 0 || file == StandardInputName)
        {
            return null;
        }

        for (var directory = Path.GetDirectoryName(Path.GetFullPath(file)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (_kustomizationDirectories.Contains(directory))
            {
                return directory;
            }
        }

        return null;
    }

    private void Collect(YamlLoadResult result, List<KubeObject> objects)
    {
        if (result.Documents.Count == 0 && result.Findings.Count == 0)
        {
            _findings.Add(new Finding(ManifestRuleIds.EmptyFile, Severity.Warning, "the file holds no manifests")
            {
                Span = new SourceSpan(result.File, 0, 0, 0, 0),
                Hint = "remove the file, or add the objects it was meant to hold",
            });
            return;
        }

        if (result.HasErrors && LooksLikeTemplate(result.File))
        {
            Skip(result.File, "a Go or Helm template ({{ ... }}), not YAML", "render it first (helm template) to check what it makes");
            return;
        }

        _findings.AddRange(result.Findings);
        var placeholders = new List<(string Text, SourceSpan? Span)>();
        var leftOut = 0;
        var notObjects = 0;
        foreach (var document in result.Documents)
        {
            var root = (YamlMap)document.Root;
            if (root["apiVersion"] is null && root["kind"] is null && root["metadata"] is null)
            {
                notObjects++;
                continue;
            }

            var kind = root.GetString("kind");
            if (kind is not null && (_options.SkipKinds.Contains(kind) || _options.SkipKinds.Contains($"{root.GetString("apiVersion")}/{kind}")))
            {
                continue;
            }

            var found = placeholders.Count;
            FindPlaceholders(root, placeholders);
            if (placeholders.Count > found)
            {
                leftOut++;
                continue;
            }

            ManifestSet.Add(root, document.Index, objects, _findings);
        }

        if (notObjects > 0 && notObjects == result.Documents.Count)
        {
            Skip(result.File, "not a Kubernetes object (no apiVersion, kind or metadata)", "such files (dashboards, configuration) are not checked");
        }

        if (placeholders.Count > 0)
        {
            var names = string.Join(", ", placeholders.Select(p => p.Text).Distinct(StringComparer.Ordinal).Take(5));
            _findings.Add(new Finding(ManifestRuleIds.Unrendered, Severity.Warning, $"unrendered: {(leftOut == 1 ? "1 object holds" : $"{leftOut} objects hold")} placeholders ({names}); left out until substituted")
            {
                Span = placeholders[0].Span,
                Hint = "check the output of the tool that substitutes them (Flux postBuild, envsubst), such as with --path -",
            });
        }
    }

    private static void FindPlaceholders(YamlNode node, List<(string Text, SourceSpan? Span)> found)
    {
        switch (node)
        {
            case YamlScalar scalar when scalar.Value.Contains("${", StringComparison.Ordinal):
                foreach (Match match in Placeholder().Matches(scalar.Value))
                {
                    found.Add((match.Value, scalar.Span));
                }

                break;
            case YamlMap map:
                foreach (var entry in map.Entries)
                {
                    FindPlaceholders(entry.Value, found);
                }

                break;
            case YamlList list:
                foreach (var item in list.Items)
                {
                    FindPlaceholders(item, found);
                }

                break;
        }
    }

    private static bool LooksLikeTemplate(string file)
    {
        try
        {
            using var reader = new StreamReader(file);
            var buffer = new char[64 * 1024];
            var length = reader.ReadBlock(buffer, 0, buffer.Length);
            return buffer.AsSpan(0, length).IndexOf("{{", StringComparison.Ordinal) >= 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private async Task<YamlLoadResult?> ReadStandardInputAsync(CancellationToken cancellationToken)
    {
        if (_options.StandardInput is not { } input)
        {
            _findings.Add(new Finding(ManifestRuleIds.PathNotFound, Severity.Error, "'-' names standard input, but there is none")
            {
                Hint = "pipe the manifests in, such as: kustomize build . | ./build.sh Validate --path -",
            });
            return null;
        }

        return await _options.Loader.LoadStreamAsync(input, StandardInputName, cancellationToken).ConfigureAwait(false);
    }

    private void Skip(string file, string what, string hint)
    {
        _skipped++;
        _findings.Add(new Finding(ManifestRuleIds.Skipped, Severity.Info, $"skipped: {what}")
        {
            Span = new SourceSpan(file, 0, 0, 0, 0),
            Hint = hint,
        });
    }

    private string? RealChild(string entry, string parentReal, string name)
    {
        var info = new FileInfo(entry);
        return info.LinkTarget is null ? Path.Combine(parentReal, name) : RealPath(entry);
    }

    // The path with every symbolic link resolved, or null (with a finding) when links go round in a circle.
    private string? RealPath(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var root = Path.GetPathRoot(full)!;
            var real = root;
            var hops = 0;
            var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
            while (parts.TryDequeue(out var part))
            {
                var candidate = Path.Combine(real, part);
                var target = new FileInfo(candidate).LinkTarget;
                if (target is null)
                {
                    real = candidate;
                    continue;
                }

                if (++hops > 40)
                {
                    throw new IOException("too many levels of symbolic links");
                }

                // Resolve the target's own parts first, then what was left of the path.
                var resolved = Path.GetFullPath(target, real);
                var rest = parts.ToArray();
                real = Path.GetPathRoot(resolved)!;
                parts = new Queue<string>([.. resolved[real.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries), .. rest]);
            }

            return real;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _findings.Add(new Finding(ManifestRuleIds.LinkLoop, Severity.Warning, $"'{path}' cannot be followed: {ex.Message}")
            {
                Span = new SourceSpan(path, 0, 0, 0, 0),
                Hint = "links that point at each other go round in a circle; remove one",
            });
            return null;
        }
    }

    private static Finding Unreadable(string path, string what, Exception ex) => new(YamlRuleIds.UnreadableFile, Severity.Error, $"cannot read the {what}: {ex.Message}")
    {
        Span = new SourceSpan(path, 0, 0, 0, 0),
        Hint = ex is UnauthorizedAccessException ? $"check the {what}'s permissions" : $"check that the {what} exists and is readable",
    };
}

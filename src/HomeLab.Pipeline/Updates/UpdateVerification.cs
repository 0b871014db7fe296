using HomeLab.Manifests.Diff;
using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Values;
using HomeLab.Manifests.Yaml;
using HomeLab.Targets.Components;

namespace HomeLab.Pipeline.Updates;

/// <summary>
/// Verifies a change (a Renovate PR, or work in progress) against a base: finds what it affects (changed
/// Applications, the values files and local charts or kustomize trees they render, environment files), renders base
/// (from a git worktree) and head in every environment, diffs the affected Applications object by object, and checks
/// what the change breaks — values keys the new chart no longer reads, CRD versions the homelab's resources use that
/// the new CRDs drop, lint findings that are new.
/// </summary>
public static class UpdateVerification
{
    /// <summary>Runs the verification.</summary>
    /// <param name="repositoryRoot">The head: the repository as it is checked out.</param>
    /// <param name="baseRef">The git revision to compare with, such as <c>origin/main</c>.</param>
    /// <param name="renderer">The renderer, shared by base and head.</param>
    /// <param name="allowNetwork">Whether charts missing from the cache may be downloaded.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The affected Applications with their changes and findings.</returns>
    /// <exception cref="InvalidOperationException">The base is not a revision of the repository.</exception>
    public static async Task<IReadOnlyList<ApplicationUpdate>> RunAsync(string repositoryRoot, string baseRef, EnvironmentRenderer renderer, bool allowNetwork, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var changed = await GitLinesAsync(repositoryRoot, ["diff", "--name-only", baseRef, "--"], cancellationToken).ConfigureAwait(false);
        var worktree = Path.Combine(Path.GetTempPath(), $"homelab-base-{Guid.NewGuid():N}");
        await GitLinesAsync(repositoryRoot, ["worktree", "add", "--detach", "--quiet", worktree, baseRef], cancellationToken).ConfigureAwait(false);
        try
        {
            var cache = Path.Combine(repositoryRoot, ".nuke", "cache", "charts");
            var updates = new List<ApplicationUpdate>();
            var head = EnvironmentCatalog.Discover(repositoryRoot).Environments;
            var @base = EnvironmentCatalog.Discover(worktree).Environments;
            foreach (var environment in head)
            {
                var headSet = await renderer.RenderAsync(environment, Options(repositoryRoot, cache, allowNetwork), cancellationToken).ConfigureAwait(false);
                var baseEnvironment = @base.FirstOrDefault(e => e.Name == environment.Name);
                var baseSet = baseEnvironment is null ? null : await renderer.RenderAsync(baseEnvironment, Options(worktree, cache, allowNetwork), cancellationToken).ConfigureAwait(false);
                updates.AddRange(Compare(repositoryRoot, worktree, environment, changed, baseSet, headSet));
            }

            return updates;
        }
        finally
        {
            await GitLinesAsync(repositoryRoot, ["worktree", "remove", "--force", worktree], CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static RenderOptions Options(string root, string cache, bool allowNetwork) => new(root)
    {
        ChartCacheDirectory = cache,
        AllowNetwork = allowNetwork,
        WriteOutput = false,
        OutputDirectory = Path.Combine(root, ".nuke", "temp", "verify-update"),
    };

    private static IEnumerable<ApplicationUpdate> Compare(string headRoot, string baseRoot, EnvironmentDefinition environment, IReadOnlyList<string> changed, RenderedSet? baseSet, RenderedSet headSet)
    {
        var everything = changed.Any(c => c.StartsWith($"clusters/{environment.Name}/environment", StringComparison.Ordinal)) || baseSet is null;
        // Lint looks at the whole environment (namespaces, policies, selectors span Applications): what is new there counts.
        var linter = new Linter();
        var linted = baseSet is null ? [] : linter.Lint(baseSet.Objects).Select(f => (f.RuleId, f.Object, f.FieldPath)).ToHashSet();
        var newLint = linter.Lint(headSet.Objects).Where(f => f.Severity != Severity.Info && !linted.Contains((f.RuleId, f.Object, f.FieldPath))).ToList();
        var before = Group(baseSet?.Sources ?? []);
        var after = Group(headSet.Sources);
        foreach (var application in after.Keys.Union(before.Keys).Order(StringComparer.Ordinal))
        {
            var headSources = after.GetValueOrDefault(application) ?? [];
            var baseSources = before.GetValueOrDefault(application) ?? [];
            if (!everything && !Affected(headRoot, changed, headSources) && !Affected(baseRoot, changed, baseSources))
            {
                continue;
            }

            var changes = ManifestDiff.Compare(baseSources.SelectMany(s => s.Objects), headSources.SelectMany(s => s.Objects));
            var findings = new List<Finding>();
            findings.AddRange(DroppedValues(baseSources, headSources));
            findings.AddRange(DroppedCrdVersions(baseSources, headSources, headSet.Objects));
            var refs = headSources.SelectMany(s => s.Objects).Select(o => o.Ref).ToHashSet();
            findings.AddRange(newLint.Where(f => f.Object is { } o && refs.Contains(o)));
            if (changes.Count > 0 || findings.Count > 0)
            {
                yield return new ApplicationUpdate(application, environment.Name, changes, findings);
            }
        }
    }

    private static Dictionary<string, List<RenderedSource>> Group(IEnumerable<RenderedSource> sources) =>
        sources.GroupBy(s => s.Application ?? s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>Whether a changed file is one the sources were rendered from: the Application, its values files, its chart or kustomize tree.</summary>
    private static bool Affected(string root, IReadOnlyList<string> changed, IReadOnlyList<RenderedSource> sources)
    {
        var inputs = new List<string>();
        foreach (var source in sources)
        {
            inputs.Add(source.Origin);
            if (source.Chart is { } chart)
            {
                inputs.AddRange(chart.ValueFiles);
                inputs.Add(chart.DeclaredAt.File);
                inputs.AddRange(chart.Values.Select(v => v.Span.File));
            }
        }

        var relative = inputs.Where(i => i.Length > 0).Select(i => Path.GetRelativePath(root, Path.GetFullPath(i)).Replace('\\', '/')).ToList();
        return changed.Any(c => relative.Any(i => i == c || c.StartsWith(i.TrimEnd('/') + "/", StringComparison.Ordinal)));
    }

    private static IEnumerable<Finding> DroppedValues(IReadOnlyList<RenderedSource> before, IReadOnlyList<RenderedSource> after)
    {
        foreach (var head in after.Where(s => s.Chart is not null))
        {
            var @base = before.FirstOrDefault(b => b.Chart is not null && b.Chart.ReleaseName == head.Chart!.ReleaseName);
            if (@base is null || Path.GetFileName(@base.Chart!.Chart) == Path.GetFileName(head.Chart!.Chart))
            {
                continue; // A new chart, or the same chart version: the Lint target checks its keys.
            }

            var old = ChartValues.Load(@base.Chart.Chart);
            var @new = ChartValues.Load(head.Chart.Chart);
            var check = new ValuesKeyCheck();
            foreach (var file in head.Chart.ValueFiles)
            {
                if (YamlLoader.Default.LoadFile(file).Documents is [{ Root: YamlMap values }, ..])
                {
                    foreach (var finding in check.CheckBump(old, @new, values))
                    {
                        yield return finding;
                    }
                }
            }

            foreach (var finding in head.Chart.Values.SelectMany(v => check.CheckBump(old, @new, v)))
            {
                yield return finding;
            }
        }
    }

    /// <summary>CRD versions the base served that the head no longer does, where the environment still has resources of that version.</summary>
    private static IEnumerable<Finding> DroppedCrdVersions(IReadOnlyList<RenderedSource> before, IReadOnlyList<RenderedSource> after, IReadOnlyList<KubeObject> environment)
    {
        var headCrds = after.SelectMany(s => s.Objects).Where(IsCrd).ToDictionary(o => o.Name ?? string.Empty, StringComparer.Ordinal);
        foreach (var crd in before.SelectMany(s => s.Objects).Where(IsCrd))
        {
            if (!headCrds.TryGetValue(crd.Name ?? string.Empty, out var next))
            {
                continue;
            }

            var group = crd.Root.Find("spec.group")?.ToString() ?? string.Empty;
            var kind = crd.Root.Find("spec.names.kind")?.ToString() ?? string.Empty;
            var kept = Versions(next);
            foreach (var version in Versions(crd).Except(kept))
            {
                foreach (var user in environment.Where(o => o.Group == group && o.Kind == kind && o.Version == version))
                {
                    yield return new Finding("update/dropped-crd-version", Severity.Error, $"{user.Ref} uses {group}/{version}, which the new CustomResourceDefinition {crd.Name} no longer serves (it serves {string.Join(", ", kept)})")
                    {
                        Span = user.Root.Find("apiVersion")?.Span ?? user.Span,
                        Object = user.Ref,
                        Hint = $"move the resource to {group}/{kept.FirstOrDefault() ?? "?"} in the same change",
                    };
                }
            }
        }
    }

    private static bool IsCrd(KubeObject o) => o.Kind == "CustomResourceDefinition" && o.Group == "apiextensions.k8s.io";

    private static List<string> Versions(KubeObject crd) =>
        [.. crd.Root.Find("spec.versions") is YamlList list
            ? list.Items.OfType<YamlMap>().Where(v => v["served"] is not YamlScalar { Value: "false" }).Select(v => v.GetString("name") ?? string.Empty)
            : []];

    private static async Task<IReadOnlyList<string>> GitLinesAsync(string root, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var exit = await ChildProcess.RunAsync("git", arguments, root, line => lines.Add(line.Text), cancellationToken).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({exit}): {string.Join(' ', lines).Trim()}");
        }

        return [.. lines.Where(l => l.Length > 0)];
    }
}

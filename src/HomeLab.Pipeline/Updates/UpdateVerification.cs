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
    /// <returns>The affected Applications with their changes and findings, what each environment rendered, the budgets that moved.</returns>
    /// <exception cref="InvalidOperationException">The base is not a revision of the repository.</exception>
    public static async Task<UpdateVerificationResult> RunAsync(string repositoryRoot, string baseRef, EnvironmentRenderer renderer, bool allowNetwork, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var changed = (await GitLinesAsync(repositoryRoot, ["diff", "--name-only", baseRef, "--"], cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var worktree = Path.Combine(Path.GetTempPath(), $"homelab-base-{Guid.NewGuid():N}");
        await GitLinesAsync(repositoryRoot, ["worktree", "add", "--detach", "--quiet", worktree, baseRef], cancellationToken).ConfigureAwait(false);
        try
        {
            var cache = Path.Combine(repositoryRoot, ".nuke", "cache", "charts");
            var updates = new List<ApplicationUpdate>();
            var scopes = new List<EnvironmentScope>();
            var budgets = new List<BudgetChange>();
            var head = EnvironmentCatalog.Discover(repositoryRoot).Environments;
            var @base = EnvironmentCatalog.Discover(worktree).Environments;
            foreach (var environment in head)
            {
                var baseEnvironment = @base.FirstOrDefault(e => e.Name == environment.Name);
                // The environment file reaches everything in it; so do its budgets, whose sums need every member.
                var own = new[] { environment.File, Path.Combine(environment.Directory, LintEnvironment.BudgetsFile) }.Select(f => Path.GetRelativePath(repositoryRoot, f).Replace('\\', '/'));
                var whole = baseEnvironment is null || own.Any(changed.Contains);
                var headScope = await RenderAffectedAsync(renderer, environment, Options(repositoryRoot, cache, allowNetwork), changed, whole, cancellationToken).ConfigureAwait(false);
                var baseScope = baseEnvironment is null ? null : await RenderAffectedAsync(renderer, baseEnvironment, Options(worktree, cache, allowNetwork), changed, whole, cancellationToken).ConfigureAwait(false);
                var affected = headScope.Affected.Union(baseScope?.Affected ?? new HashSet<string>()).ToHashSet(StringComparer.Ordinal);
                var users = headScope.Set.Objects.Concat(headScope.Written).ToList();
                updates.AddRange(Compare(repositoryRoot, worktree, environment, baseEnvironment, changed, whole, affected, baseScope?.Set, headScope.Set, users));
                var notRendered = headScope.NotRendered.Where(n => !affected.Contains(n)).Order(StringComparer.Ordinal).ToList();
                scopes.Add(new EnvironmentScope(environment.Name, whole, [.. headScope.Followed.Order(StringComparer.Ordinal)], notRendered));
                budgets.AddRange(BudgetChanges(environment, baseEnvironment, baseScope?.Set, headScope.Set));
            }

            return new UpdateVerificationResult(updates, scopes, budgets);
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

    /// <summary>What one side rendered: the set, the Applications followed, those affected, those left out, and the
    /// manifest files of the Applications left out (the homelab's own objects there, read without rendering).</summary>
    private sealed record Scope(RenderedSet Set, IReadOnlySet<string> Followed, IReadOnlySet<string> Affected, IReadOnlyList<string> NotRendered, IReadOnlyList<KubeObject> Written);

    /// <summary>
    /// Renders only the Applications the change affects and the apps of apps that lead to them: renders what the
    /// environment itself names, looks at the Applications that appear (their inputs read from the files, not
    /// rendered), follows the affected ones and the apps of apps, and repeats until no new Application appears. The
    /// renderer keeps what it rendered, so each round only renders what is new.
    /// </summary>
    private static async Task<Scope> RenderAffectedAsync(EnvironmentRenderer renderer, EnvironmentDefinition environment, RenderOptions options, IReadOnlySet<string> changed, bool whole, CancellationToken cancellationToken)
    {
        var urls = environment.Render.RepositoryUrls.Concat(options.RepositoryUrls).Select(RepositoryUrl.Normalize).ToHashSet(StringComparer.Ordinal);
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var affected = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, ApplicationInputs>(StringComparer.Ordinal);
        while (true)
        {
            var set = await renderer.RenderAsync(environment, whole ? options : options with { Applications = followed.ToHashSet(StringComparer.Ordinal) }, cancellationToken).ConfigureAwait(false);
            var grown = false;
            foreach (var application in set.Objects.Where(IsApplication))
            {
                if (application.Name is not { } name || seen.ContainsKey(name))
                {
                    continue;
                }

                var inputs = ApplicationInputs.Of(application, options.RepositoryRoot, urls);
                seen[name] = inputs;
                if (whole || inputs.Files.Overlaps(changed))
                {
                    affected.Add(name);
                }

                if (whole || affected.Contains(name) || inputs.HoldsApplications)
                {
                    grown |= followed.Add(name);
                }
            }

            if (!grown || whole)
            {
                var left = seen.Keys.Where(n => !followed.Contains(n)).ToList();
                var written = left.SelectMany(n => seen[n].ManifestFiles).Distinct(StringComparer.Ordinal).ToList();
                return new Scope(set, followed, affected, left, written.Count == 0 ? [] : ManifestSet.Load(written).Objects);
            }
        }
    }

    private static bool IsApplication(KubeObject o) => o.Kind == "Application" && o.Group == "argoproj.io";

    private static IEnumerable<ApplicationUpdate> Compare(string headRoot, string baseRoot, EnvironmentDefinition environment, EnvironmentDefinition? baseEnvironment, IReadOnlySet<string> changed, bool whole, IReadOnlySet<string> affected, RenderedSet? baseSet, RenderedSet headSet, IReadOnlyList<KubeObject> users)
    {
        // Lint looks at the whole environment (namespaces, policies, selectors span Applications): what is new there counts.
        var headLinter = LinterFor(headRoot, environment);
        var linted = baseSet is null || baseEnvironment is null ? [] : LinterFor(baseRoot, baseEnvironment).Lint(baseSet.Objects).Select(f => (f.RuleId, f.Object, f.FieldPath)).ToHashSet();
        var newLint = headLinter.Lint(headSet.Objects).Where(f => f.Severity != Severity.Info && !linted.Contains((f.RuleId, f.Object, f.FieldPath))).ToList();
        var before = Group(baseSet?.Sources ?? []);
        var after = Group(headSet.Sources);
        foreach (var application in after.Keys.Union(before.Keys).Order(StringComparer.Ordinal))
        {
            var headSources = after.GetValueOrDefault(application) ?? [];
            var baseSources = before.GetValueOrDefault(application) ?? [];
            var isApplication = headSources.Concat(baseSources).Any(s => s.Application is not null);
            if (!whole && !(isApplication ? affected.Contains(application) : Affected(headRoot, changed, headSources) || Affected(baseRoot, changed, baseSources)))
            {
                continue;
            }

            var changes = ManifestDiff.Compare(baseSources.SelectMany(s => s.Objects), headSources.SelectMany(s => s.Objects));
            var findings = new List<Finding>();
            findings.AddRange(DroppedValues(baseSources, headSources, headSet));
            findings.AddRange(DroppedCrdVersions(baseSources, headSources, users));
            var refs = headSources.SelectMany(s => s.Objects).Select(o => o.Ref).ToHashSet();
            findings.AddRange(newLint.Where(f => f.Object is { } o && refs.Contains(o)));
            if (changes.Count > 0 || findings.Count > 0)
            {
                yield return new ApplicationUpdate(application, environment.Name, changes, findings);
            }
        }
    }

    private static Linter LinterFor(string root, EnvironmentDefinition environment)
    {
        var file = Path.Combine(root, LintConfiguration.DefaultPath);
        var configuration = File.Exists(file) ? LintConfiguration.Load(file) : LintConfiguration.Default;
        return new Linter(configuration: configuration, environment: LintEnvironment.Describe(environment).Environment);
    }

    /// <summary>Every budget cap whose limit or sum differs between base and head (sums over what rendered: unaffected Applications are the same on both sides).</summary>
    private static IEnumerable<BudgetChange> BudgetChanges(EnvironmentDefinition environment, EnvironmentDefinition? baseEnvironment, RenderedSet? baseSet, RenderedSet headSet)
    {
        static IReadOnlyList<BudgetSum> Sums(EnvironmentDefinition environment, RenderedSet set) =>
            new Linter(configuration: LintConfiguration.Default, environment: LintEnvironment.Describe(environment).Environment).BudgetSums(set.Objects);
        var after = Sums(environment, headSet);
        var before = baseSet is null || baseEnvironment is null ? [] : Sums(baseEnvironment, baseSet);
        var keys = after.Select(t => (t.Budget.Name, t.Ceiling.Measure)).Union(before.Select(t => (t.Budget.Name, t.Ceiling.Measure)));
        foreach (var (budget, measure) in keys)
        {
            var head = after.FirstOrDefault(t => t.Budget.Name == budget && t.Ceiling.Measure == measure);
            var @base = before.FirstOrDefault(t => t.Budget.Name == budget && t.Ceiling.Measure == measure);
            if (head?.Ceiling.Text != @base?.Ceiling.Text || head?.Total != @base?.Total)
            {
                yield return new BudgetChange(environment.Name, budget, measure, @base?.Ceiling.Text, head?.Ceiling.Text, @base?.Total ?? 0, head?.Total ?? 0, head is not null && head.IsExceeded);
            }
        }
    }

    private static Dictionary<string, List<RenderedSource>> Group(IEnumerable<RenderedSource> sources) =>
        sources.GroupBy(s => s.Application ?? s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>Whether a changed file is one sources the environment itself names were rendered from.</summary>
    private static bool Affected(string root, IReadOnlySet<string> changed, IReadOnlyList<RenderedSource> sources)
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

    private static IEnumerable<Finding> DroppedValues(IReadOnlyList<RenderedSource> before, IReadOnlyList<RenderedSource> after, RenderedSet headSet)
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

            if (ValuesKeyCheck.Parameters(headSet, head) is { } parameters)
            {
                foreach (var finding in check.CheckBump(old, @new, ValuesKeyCheck.ParameterValues(parameters)))
                {
                    yield return finding;
                }
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
                foreach (var user in environment.Where(o => o.Group == group && o.Kind == kind && o.Version == version).DistinctBy(o => o.Ref))
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

    internal static async Task<IReadOnlyList<string>> GitLinesAsync(string root, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
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

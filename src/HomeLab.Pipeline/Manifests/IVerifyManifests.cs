using System.Text.RegularExpressions;
using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Validation;
using HomeLab.Manifests.Values;
using HomeLab.Pipeline.Environments;
using HomeLab.Pipeline.Findings;
using HomeLab.Targets;
using HomeLab.Tools;

namespace HomeLab.Pipeline.Manifests;

/// <summary>
/// A component, the main job: render every environment, validate and lint what rendered, every finding at
/// file:line. <c>--path</c> checks plain manifest files instead of the environments.
/// </summary>
public interface IVerifyManifests : IEnvironments, IFindingReports
{
    /// <summary>Plain manifest files or directories to check instead of the environments.</summary>
    [Parameter("Validate, Lint, Verify: check these manifest files or directories instead of the repository's environments (repeatable).", Name = "path")]
    AbsolutePath[] ManifestPaths => TryGetValue(() => ManifestPaths) ?? [];

    /// <summary>Files <c>--path</c> leaves out, by a regular expression on their path.</summary>
    [Parameter("With --path: leave out files whose path matches this regular expression (repeatable; kubeconform's -ignore-filename-pattern).")]
    string[] IgnoreFilenamePattern => TryGetValue(() => IgnoreFilenamePattern) ?? [];

    /// <summary>Kinds <c>--path</c> leaves out.</summary>
    [Parameter("With --path: leave out objects of this kind, as Kind or apiVersion/Kind such as apps/v1/Deployment (repeatable; kubeconform's -skip).")]
    string[] SkipKind => TryGetValue(() => SkipKind) ?? [];

    /// <summary>Whether <c>--path</c> checks a kustomization folder as what it builds.</summary>
    [Parameter("With --path: check each folder with a kustomization file as what `kubectl kustomize` builds from it, instead of file by file.")]
    bool RenderKustomize => TryGetValue<bool?>(() => RenderKustomize) ?? false;

    /// <summary>The Kubernetes version to validate plain manifests against.</summary>
    [Parameter("With --path: the Kubernetes version whose API set to validate against (environments declare their own).")]
    [KubernetesVersionFormat]
    string? KubernetesVersion => TryGetValue(() => KubernetesVersion);

    /// <summary>Extra CustomResourceDefinition files or directories.</summary>
    [Parameter("Validate: extra CustomResourceDefinition files or directories whose schemas validate custom resources (repeatable).")]
    AbsolutePath[] Crd => TryGetValue(() => Crd) ?? [];

    /// <summary>Whether a custom resource with no schema anywhere is an error.</summary>
    [Parameter("Validate: a custom resource with no schema anywhere is an error instead of a note.")]
    bool FailOnUnvalidated => TryGetValue<bool?>(() => FailOnUnvalidated) ?? false;

    /// <summary>Whether Render stays off the network.</summary>
    [Parameter("Render: never use the network (remote charts not in .nuke/cache/charts are reported as not rendered offline).")]
    bool Offline => TryGetValue<bool?>(() => Offline) ?? false;

    /// <summary>A kubectl executable.</summary>
    [Parameter("A kubectl executable (default: KUBECTL_EXE, PATH, .nuke/tools).")]
    AbsolutePath? KubectlExe => TryGetValue(() => KubectlExe);

    /// <summary>A helm executable.</summary>
    [Parameter("A helm executable (default: HELM_EXE, PATH, .nuke/tools).")]
    AbsolutePath? HelmExe => TryGetValue(() => HelmExe);

    /// <summary>Whether Render fails when a remote chart was not rendered.</summary>
    [Parameter("Render: fail when a remote chart could not be rendered (not in the chart cache and not downloadable), instead of warning.")]
    bool RequireComplete => TryGetValue<bool?>(() => RequireComplete) ?? false;

    /// <summary>Whether Render renders every source again instead of reusing the render cache.</summary>
    [Parameter("Render: render every source again with kubectl and helm instead of reusing .nuke/cache/rendered (its entries are written anew).")]
    bool NoCache => TryGetValue<bool?>(() => NoCache) ?? false;

    /// <summary>Where Render keeps each rendered source under the hash of everything it read.</summary>
    AbsolutePath RenderCacheDirectory => RootDirectory / ".nuke" / "cache" / "rendered";

    /// <summary>How Render renders; the chart sources component sets the chart cache and mirrors.</summary>
    RenderOptions RenderSettings => new(RootDirectory) { AllowNetwork = !Offline };

    /// <summary>What Render produced in this run; the build holds one for all its targets.</summary>
    CheckedSets Rendered { get; }

    /// <summary>Where the cluster's OpenAPI schemas are cached (filled by SyncSchemas).</summary>
    AbsolutePath SchemaCacheDirectory => RootDirectory / ".nuke" / "cache" / "schemas";

    /// <summary>Renders every environment.</summary>
    Target Render => _ => _
        .Description("Renders every environment (kustomize, local charts, ArgoCD Applications) to .nuke/temp/rendered/<environment>/.")
        .ProceedAfterFailure()
        .Executes(async (context, ct) =>
        {
            ReportOutputs();
            if (ManifestPaths.Length > 0)
            {
                var scan = await ManifestScan.RunAsync(PathScanOptions(), ct);
                Rendered.AddPathFindings(scan.Findings.Where(f => f.RuleId != ManifestRuleIds.MissingField));
                foreach (var scanned in scan.Sets)
                {
                    Rendered.Add(new CheckedSet(scanned.Name, null, scanned.Objects));
                }

                context.AddNote($"{scan.Objects.Count()} objects from --path ({scan.FilesRead} files read, {scan.FilesSkipped} skipped)");
                return;
            }

            var settings = RenderSettings with { RenderCacheDirectory = RenderCacheDirectory, RefreshRenderCache = NoCache };
            var rendered = await RenderEnvironmentsAsync(context, settings, ct);
            foreach (var (environment, set) in rendered)
            {
                Rendered.Add(new CheckedSet(environment.Name, environment, set.Objects, set));
                context.AddNote($"{environment.Name}: {set.Objects.Count} objects, {set.Cache}");
                foreach (var note in set.Cache.Notes)
                {
                    context.AddNote($"{environment.Name}: {note}");
                }
            }

            if (rendered.Count == 0)
            {
                context.AddNote("no environments under clusters/");
            }

            if (IncompleteRender.Describe(rendered.Select(r => r.Set), RenderSettings) is { } incomplete)
            {
                // One line that always shows, not a note hidden among the findings.
                context.Info($"warning: {incomplete}");
                context.AddNote(incomplete);
                if (RequireComplete)
                {
                    WriteReports();
                    throw new TargetFailedException($"--require-complete: {incomplete}");
                }
            }

            // Written now too: when rendering fails, Validate and Lint do not run, and its findings must reach the reports.
            WriteReports();
        });

    /// <summary>Validates what Render produced against the schemas.</summary>
    Target Validate => _ => _
        .Description("Validates every rendered object against its schema: built-in kinds, CRDs in the set, the schema cache; deprecated APIs.")
        .DependsOn(Render)
        .ProceedAfterFailure()
        .AssuredAfterFailure() // over what did render: one Application's failure never blinds the checks of the rest
        .Executes(context =>
        {
            ReportOnce(context, Rendered.PathFindings, null);
            int validated = 0, unvalidated = 0;
            var byEnvironment = new List<(string?, IEnumerable<Finding>)>();
            foreach (var set in Rendered.All)
            {
                var version = KubernetesVersion ?? set.Environment?.KubernetesVersion ?? ValidationOptions.DefaultKubernetesVersion;
                // --kubernetes-version is checked before anything runs ([KubernetesVersionFormat]); an environment file's is not.
                if (!ApiDeprecations.TryParseKubernetesVersion(version, out var unusedVersion))
                {
                    throw new TargetFailedException($"{set.Environment?.File}: kubernetesVersion '{version}' is not a Kubernetes version such as 1.32 or v1.32.4.");
                }

                var validator = new ManifestValidator(new ValidationOptions
                {
                    KubernetesVersion = version,
                    FailOnUnvalidated = FailOnUnvalidated,
                    SchemaCacheDirectory = SchemaCacheDirectory,
                    ExtraCrdFiles = [.. Crd.Select(c => c.Value)],
                });
                var result = validator.Validate(set.Objects);
                byEnvironment.Add((set.Label, result.Findings));
                validated += result.ValidatedCount;
                unvalidated += result.UnvalidatedCount;
            }

            // At once, so that a finding every environment shares is shown once, naming them all.
            ReportOnce(context, byEnvironment);

            context.AddNote($"{validated} validated, {unvalidated} unvalidated");
            WriteReports();
        });

    /// <summary>Lints what Render produced.</summary>
    Target Lint => _ => _
        .Description("Lints every rendered object: security, probes, resources, network policy, mesh, ArgoCD, budgets (.homelab/lint.yaml configures).")
        .DependsOn(Render)
        .ProceedAfterFailure()
        .AssuredAfterFailure() // over what did render: one Application's failure never blinds the checks of the rest
        .Executes(context =>
        {
            var configurationFile = RootDirectory / LintConfiguration.DefaultPath;
            var configuration = File.Exists(configurationFile) ? LintConfiguration.Load(configurationFile) : LintConfiguration.Default;
            ReportOnce(context, Rendered.PathFindings, null);
            var objects = 0;
            var byEnvironment = new List<(string?, IEnumerable<Finding>)>();
            foreach (var set in Rendered.All)
            {
                var (environment, budgetFindings) = set.Environment is null ? (null, []) : LintEnvironment.Describe(set.Environment);
                var linter = new Linter(configuration: configuration, environment: environment);
                byEnvironment.Add((set.Label, [.. budgetFindings, .. linter.Lint(set.Objects)]));
                if (Verbosity >= Verbosity.Verbose)
                {
                    // Every line of every budget sum, so that a total (and a budget finding) can be explained.
                    foreach (var line in linter.BudgetSums(set.Objects).SelectMany(sum => sum.Describe().Select((text, i) => i == 0 ? $"{set.Name}: {text}" : text)))
                    {
                        context.Info(line);
                    }
                }

                objects += set.Objects.Count;
                if (set.Rendered is { } rendered)
                {
                    var values = new ValuesKeyCheck().Check(rendered);
                    byEnvironment.Add((set.Label, values.Findings));
                    context.AddNote($"{set.Name}: {values}");
                }
            }

            // At once, so that a finding every environment shares (a shared base, the same chart) is shown once, naming them all.
            ReportOnce(context, byEnvironment);

            context.AddNote($"{objects} objects linted");
            WriteReports();
        });

    /// <summary>Renders the selected environments at once (they share what they have in common), reporting the
    /// catalog's and each environment's findings in environment order.</summary>
    /// <param name="context">The running target.</param>
    /// <param name="options">How to render.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    /// <param name="reported">What to report of each finding (null: leave it out); every finding as it is when not given.</param>
    /// <returns>Each selected environment with what it rendered.</returns>
    async Task<IReadOnlyList<(EnvironmentDefinition Environment, RenderedSet Set)>> RenderEnvironmentsAsync(TargetContext context, RenderOptions options, CancellationToken cancellationToken, Func<Finding, Finding?>? reported = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var catalog = Catalog;
        ReportOnce(context, catalog.Findings, null);
        if (HelmExe is null)
        {
            await new HelmBootstrap(RootDirectory).EnsureAsync(context, cancellationToken);
        }

        var renderer = new EnvironmentRenderer(
            KubectlExe is null ? null : LocateTool(() => Kubectl.Locate(KubectlExe.Value, RootDirectory)),
            HelmExe is null ? null : LocateTool(() => Helm.Locate(HelmExe.Value, RootDirectory)));
        var names = new EnvironmentSelection([.. catalog.Names.Order(StringComparer.Ordinal)]).Select(Environments);
        var selected = catalog.Environments.Where(e => names.Contains(e.Name)).ToList();
        var sets = await Task.WhenAll(selected.Select(environment => renderer.RenderAsync(environment, options, cancellationToken)));
        ReportOnce(context, [.. selected.Zip(sets).Select(r => ((string?)r.First.Name, reported is null ? r.Second.Findings : r.Second.Findings.Select(reported).OfType<Finding>()))]);

        return [.. selected.Zip(sets)];
    }

    /// <summary>What --path reads: the paths (<c>-</c> for standard input) and what kubeconform's options leave out.</summary>
    /// <returns>The scan's options.</returns>
    /// <exception cref="TargetFailedException">A path does not exist or a pattern is not a regular expression.</exception>
    ManifestScanOptions PathScanOptions()
    {
        // --path - arrives as <current directory>/-: standard input, unless such a file exists.
        var paths = ManifestPaths.Select(p => Path.GetFileName(p.Value) == "-" && !File.Exists(p.Value) ? "-" : p.Value).ToList();
        GivenPaths.RequireExisting(ManifestPaths.Where(p => paths.Contains(p.Value)), "--path");
        var patterns = new List<Regex>();
        foreach (var pattern in IgnoreFilenamePattern)
        {
            try
            {
                patterns.Add(new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
            }
            catch (ArgumentException exception)
            {
                throw new TargetFailedException($"--ignore-filename-pattern {pattern}: not a regular expression ({exception.Message}).");
            }
        }

        var kubectl = RenderKustomize ? LocateTool(() => Kubectl.Locate(KubectlExe?.Value, RootDirectory)) : null;
        return new ManifestScanOptions
        {
            Paths = paths,
            IgnoreFilenamePatterns = patterns,
            SkipKinds = SkipKind,
            StandardInput = paths.Contains("-") ? Console.OpenStandardInput() : null,
            RenderKustomization = kubectl is null ? null : async (directory, ct) =>
            {
                var source = await new KustomizeRenderer(kubectl).RenderAsync(directory, ct);
                return new ManifestSet(source.Objects, source.Findings);
            },
        };
    }

    /// <summary>
    /// What an aggregate target such as Verify does last: writes the reports and fails when any finding so far is an
    /// error; otherwise notes the counts.
    /// </summary>
    /// <param name="context">The aggregate target's context.</param>
    /// <exception cref="TargetFailedException">A finding is an error.</exception>
    void ConcludeVerification(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        WriteReports();
        var counts = FindingCounts;
        if (Findings.HasErrors)
        {
            throw new TargetFailedException(counts);
        }

        context.AddNote(counts);
    }

    /// <summary>Turns a missing tool into a one-line target failure with the hint.</summary>
    /// <typeparam name="T">The tool wrapper.</typeparam>
    /// <param name="locate">Finds the tool.</param>
    /// <returns>The tool.</returns>
    /// <exception cref="TargetFailedException">The tool is nowhere to be found.</exception>
    static T LocateTool<T>(Func<T> locate)
    {
        ArgumentNullException.ThrowIfNull(locate);
        try
        {
            return locate();
        }
        catch (ToolNotFoundException exception)
        {
            throw new TargetFailedException($"{exception.Message} {exception.Hint}");
        }
    }
}

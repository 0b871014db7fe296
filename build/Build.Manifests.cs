using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Reporting;
using HomeLab.Tools;
using HomeLab.Manifests.Validation;
using HomeLab.Manifests.Values;
using HomeLab.Targets;
using HomeLab.Targets.Components;

/// <summary>The main job: render every environment, validate and lint what rendered, every finding at file:line.</summary>
partial class Build
{
    [Parameter("Validate, Lint, Verify: check these manifest files or directories instead of the repository's environments (repeatable).", Name = "path")]
    readonly AbsolutePath[] ManifestPaths = [];

    [Parameter("With --path: the Kubernetes version whose API set to validate against (environments declare their own).")]
    readonly string? KubernetesVersion;

    [Parameter("Validate: extra CustomResourceDefinition files or directories whose schemas validate custom resources (repeatable).")]
    readonly AbsolutePath[] Crd = [];

    [Parameter("Validate: a custom resource with no schema anywhere is an error instead of a note.")]
    readonly bool FailOnUnvalidated;

    [Parameter("Render: never use the network (remote charts not in .nuke/cache/charts are reported as not rendered offline).")]
    readonly bool Offline;

    [Parameter("A kubectl executable (default: KUBECTL_EXE, PATH, .nuke/tools).")]
    readonly AbsolutePath? KubectlExe;

    [Parameter("A helm executable (default: HELM_EXE, PATH, .nuke/tools).")]
    readonly AbsolutePath? HelmExe;

    readonly List<CheckedSet> checkedSets = [];
    readonly List<Finding> reportedFindings = [];

    Target Render => _ => _
        .Description("Renders every environment (kustomize, local charts, ArgoCD Applications) to .nuke/temp/rendered/<environment>/.")
        .ProceedAfterFailure()
        .Executes(async (context, ct) =>
        {
            ReportOutputs();
            if (ManifestPaths.Length > 0)
            {
                RequireExisting(ManifestPaths.Select(p => p.Value), "--path");
                var set = await ManifestSet.LoadAsync(ManifestPaths.Select(p => p.Value), ct);
                ReportOnce(context, set.Findings.Where(f => f.RuleId != ManifestRuleIds.MissingField), null);
                checkedSets.Add(new CheckedSet("path", null, set.Objects));
                context.AddNote($"{set.Objects.Count} objects from --path");
                return;
            }

            var catalog = EnvironmentCatalog.Discover(RootDirectory);
            ReportOnce(context, catalog.Findings, null);
            await EnsureHelmAsync(context, ct);
            var renderer = new EnvironmentRenderer(
                KubectlExe is null ? null : Tool(() => Kubectl.Locate(KubectlExe.Value, RootDirectory)),
                HelmExe is null ? null : Tool(() => Helm.Locate(HelmExe.Value, RootDirectory)));
            // Environments render at once and share what they have in common; findings are reported in environment order.
            var names = SelectedEnvironments();
            var selected = catalog.Environments.Where(e => names.Contains(e.Name)).ToList();
            var sets = await Task.WhenAll(selected.Select(environment =>
                renderer.RenderAsync(environment, new RenderOptions(RootDirectory) { AllowNetwork = !Offline }, ct)));
            foreach (var (environment, set) in selected.Zip(sets))
            {
                checkedSets.Add(new CheckedSet(environment.Name, environment, set.Objects, set));
                ReportOnce(context, set.Findings, environment.Name);
                var offline = set.Counts.NotRenderedOffline == 0 ? string.Empty : $", {set.Counts.NotRenderedOffline} not rendered offline";
                context.AddNote($"{environment.Name}: {set.Objects.Count} objects{offline}");
            }

            if (checkedSets.Count == 0)
            {
                context.AddNote("no environments under clusters/");
            }
        });

    Target Validate => _ => _
        .Description("Validates every rendered object against its schema: built-in kinds, CRDs in the set, the schema cache; deprecated APIs.")
        .DependsOn(Render)
        .ProceedAfterFailure()
        .Executes(context =>
        {
            int validated = 0, unvalidated = 0;
            foreach (var set in checkedSets)
            {
                var version = KubernetesVersion ?? set.Environment?.KubernetesVersion ?? "1.32";
                if (!ApiDeprecations.TryParseKubernetesVersion(version, out var unusedVersion))
                {
                    throw new TargetFailedException(KubernetesVersion is null
                        ? $"{set.Environment?.File}: kubernetesVersion '{version}' is not a Kubernetes version such as 1.32 or v1.32.4."
                        : $"--kubernetes-version {version}: not a Kubernetes version such as 1.32 or v1.32.4.");
                }

                var validator = new ManifestValidator(new ValidationOptions
                {
                    KubernetesVersion = version,
                    FailOnUnvalidated = FailOnUnvalidated,
                    SchemaCacheDirectory = RootDirectory / ".nuke" / "cache" / "schemas",
                    ExtraCrdFiles = [.. Crd.Select(c => c.Value)],
                });
                var result = validator.Validate(set.Objects);
                ReportOnce(context, result.Findings, set.Label);
                validated += result.ValidatedCount;
                unvalidated += result.UnvalidatedCount;
            }

            context.AddNote($"{validated} validated, {unvalidated} unvalidated");
            WriteReports();
        });

    Target Lint => _ => _
        .Description("Lints every rendered object: security, probes, resources, network policy, mesh, ArgoCD, budgets (.homelab/lint.yaml configures).")
        .DependsOn(Render)
        .ProceedAfterFailure()
        .Executes(context =>
        {
            var configurationFile = RootDirectory / LintConfiguration.DefaultPath;
            var configuration = File.Exists(configurationFile) ? LintConfiguration.Load(configurationFile) : LintConfiguration.Default;
            var objects = 0;
            foreach (var set in checkedSets)
            {
                var (environment, budgetFindings) = set.Environment is null ? (null, []) : LintEnvironmentOf(set.Environment);
                ReportOnce(context, budgetFindings, set.Label);
                var findings = new Linter(configuration: configuration, environment: environment).Lint(set.Objects);
                ReportOnce(context, findings, set.Label);
                objects += set.Objects.Count;
                if (set.Rendered is { } rendered)
                {
                    var values = new ValuesKeyCheck().Check(rendered);
                    ReportOnce(context, values.Findings, set.Label);
                    context.AddNote($"{set.Name}: {values}");
                }
            }

            context.AddNote($"{objects} objects linted");
            WriteReports();
        });

    /// <summary>The lint view of an environment: its nodes' labels, storage classes and the budgets it declares.</summary>
    (LintEnvironment Environment, IReadOnlyList<Finding> Findings) LintEnvironmentOf(EnvironmentDefinition environment)
    {
        var lint = new LintEnvironment(environment.Name)
        {
            KubernetesVersion = environment.KubernetesVersion,
            Nodes = [.. environment.Nodes.Select(n => new LintNode(n.Name, n.Labels))],
            StorageClasses = [.. environment.StorageClasses.Select(s => s.Name)],
        };
        var budgets = Path.Combine(environment.Directory, "budgets.yaml");
        if (!File.Exists(budgets))
        {
            return (lint, []);
        }

        var file = ResourceBudgetFile.Load(budgets);
        return (lint.WithBudgets(file.Budgets), file.Findings);
    }

    /// <summary>What Validate and Lint check: an environment's rendered objects, or the plain manifests given with --path.</summary>
    sealed record CheckedSet(string Name, EnvironmentDefinition? Environment, IReadOnlyList<KubeObject> Objects, RenderedSet? Rendered = null)
    {
        /// <summary>What findings are labelled with: the environment's name; nothing for plain --path manifests.</summary>
        public string? Label => Environment?.Name;
    }

    /// <summary>
    /// Reports findings, once each: the same problem in a shared base file renders into every environment, so it is
    /// shown once. They print grouped by file with the offending source line, count toward the target's result,
    /// and on GitHub Actions become annotations.
    /// </summary>
    void ReportOnce(TargetContext context, IEnumerable<Finding> findings, string? environment)
    {
        var fresh = new List<Finding>();
        lock (reportedFindings)
        {
            foreach (var finding in findings)
            {
                if (reportedFindings.Any(f => f.RuleId == finding.RuleId && f.Span == finding.Span && f.Message == finding.Message && f.FieldPath == finding.FieldPath))
                {
                    continue;
                }

                reportedFindings.Add(finding);
                fresh.Add(environment is null ? finding : finding with { Message = $"{finding.Message} ({environment})" });
            }
        }

        if (fresh.Count == 0)
        {
            return;
        }

        foreach (var finding in fresh)
        {
            context.Report(ToAnnotation(finding), print: false);
        }

        // Notes (not rendered offline, unvalidated kinds) are counted in the summary; they print with --verbosity verbose.
        var shown = Verbosity >= Verbosity.Verbose ? fresh : [.. fresh.Where(f => f.Severity != Severity.Info)];
        if (shown.Count == 0)
        {
            return;
        }

        using var text = new StringWriter();
        new ConsoleReporter(RootDirectory).Write(shown, text);
        foreach (var line in text.ToString().TrimEnd().Split('\n'))
        {
            context.Info(line.TrimEnd('\r'));
        }
    }

    /// <summary>Writes the --output reporters (sarif=FILE, junit=FILE) with every finding so far.</summary>
    void WriteReports()
    {
        List<Finding> findings;
        lock (reportedFindings)
        {
            findings = [.. reportedFindings];
        }

        foreach (var (kind, path) in ReportOutputs())
        {
            Directory.CreateDirectory(path.Parent);
            using var writer = new StreamWriter(path);
            IFindingReporter reporter = kind == "sarif"
                ? new SarifReporter(RootDirectory) { Rules = [.. RuleDescriptor.ForLintRules] }
                : new JUnitReporter(RootDirectory);
            reporter.Write(findings, writer);
        }
    }

    /// <summary>The reporters --output asks for, checked before any work is done.</summary>
    List<(string Kind, AbsolutePath Path)> ReportOutputs()
    {
        var outputs = new List<(string, AbsolutePath)>();
        foreach (var output in Output)
        {
            var equals = output.IndexOf('=', StringComparison.Ordinal);
            var kind = equals < 0 ? output : output[..equals];
            var file = equals < 0 ? string.Empty : output[(equals + 1)..];
            if (kind is not ("sarif" or "junit") || file.Length == 0)
            {
                throw new TargetFailedException($"--output {output}: expected sarif=<file> or junit=<file>, for example --output sarif=out/homelab.sarif.");
            }

            var path = AbsolutePath.Create(file, RootDirectory);
            if (Directory.Exists(path))
            {
                throw new TargetFailedException($"--output {output}: {path} is a directory; name the file to write.");
            }

            outputs.Add((kind, path));
        }

        return outputs;
    }

    /// <summary>
    /// The pinned download of the tool order (parameter, HELM_EXE, PATH, .nuke/tools, then download): on a machine
    /// without helm, build/tools/install-helm.sh puts the pinned one into .nuke/tools once.
    /// </summary>
    async Task EnsureHelmAsync(TargetContext context, CancellationToken ct)
    {
        var installer = RootDirectory / "build" / "tools" / "install-helm.sh";
        if (HelmExe is not null || !File.Exists(installer))
        {
            return;
        }

        try
        {
            Helm.Locate(null, RootDirectory);
        }
        catch (ToolNotFoundException)
        {
            context.Info("helm is not installed: fetching the pinned version into .nuke/tools (build/tools/install-helm.sh)");
            var exitCode = await ChildProcess.RunAsync("bash", [installer], RootDirectory, line => context.Info(line.Text), ct);
            if (exitCode != 0)
            {
                context.Report(new BuildAnnotation(AnnotationSeverity.Warning, "helm could not be installed; charts will be reported as not rendered. Set HELM_EXE or put helm on PATH.", installer, 1, 1, "render/helm-install"));
            }
        }
    }

    static T Tool<T>(Func<T> locate)
    {
        try
        {
            return locate();
        }
        catch (ToolNotFoundException exception)
        {
            throw new TargetFailedException($"{exception.Message} {exception.Hint}");
        }
    }

    /// <summary>Findings so far by severity, for the summary: "2 errors, 5 warnings, 3 notes".</summary>
    string FindingCounts()
    {
        lock (reportedFindings)
        {
            static string Count(int n, string word) => $"{n} {word}{(n == 1 ? string.Empty : "s")}";
            return string.Join(", ",
                Count(reportedFindings.Count(f => f.Severity == Severity.Error), "error"),
                Count(reportedFindings.Count(f => f.Severity == Severity.Warning), "warning"),
                Count(reportedFindings.Count(f => f.Severity == Severity.Info), "note") + (Verbosity < Verbosity.Verbose && reportedFindings.Any(f => f.Severity == Severity.Info) ? " (shown with --verbosity verbose)" : string.Empty));
        }
    }
}

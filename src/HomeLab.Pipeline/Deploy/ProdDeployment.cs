using HomeLab.Cluster.Argo;
using HomeLab.Cluster.Client;
using HomeLab.Cluster.Deploy;
using HomeLab.Cluster.Secrets;
using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Yaml;
using HomeLab.Pipeline.ClusterLifecycle;
using HomeLab.Targets;
using HomeLab.Tools;
using Newtonsoft.Json.Linq;

namespace HomeLab.Pipeline.Deploy;

/// <summary>DeployProd's steps, in the order that keeps every write behind every check.</summary>
internal static class ProdDeployment
{
    private const string Environment = "k3s";

    private const string ArgoCdChartName = "argo-cd";

    /// <summary>The revision the guard settled on, for the DeployProd target that follows in the same run.</summary>
    private static string? guarded;

    public static async Task GuardAsync(IDeployProd build, TargetContext context, CancellationToken cancellationToken)
    {
        var declared = Declaration(build);
        using (var connection = Connect(build, declared))
        {
            Check(declared, connection, context);
        }

        if (build.Rollback)
        {
            return;
        }

        if (build.Revision is { Length: > 0 } revision)
        {
            guarded = revision;
            return;
        }

        var git = Git.Locate(null, build.RootDirectory).WithWorkingDirectory(build.RootDirectory);
        try
        {
            var changed = await git.ChangedFilesAsync(cancellationToken).ConfigureAwait(false);
            if (changed.Count > 0)
            {
                throw new TargetFailedException($"the working tree has {changed.Count} uncommitted changes ({changed[0]}{(changed.Count > 1 ? ", …" : string.Empty)}); ArgoCD deploys only what the remote has; hint: commit and push, or name a pushed commit with --revision");
            }

            var head = await git.HeadCommitAsync(cancellationToken).ConfigureAwait(false);
            var remotes = (await git.ExecuteAsync(["branch", "--remotes", "--contains", head], cancellationToken).ConfigureAwait(false)).EnsureSuccess().StandardOutput;
            if (string.IsNullOrWhiteSpace(remotes))
            {
                throw new TargetFailedException($"HEAD {head[..12]} is not on any remote branch; ArgoCD can only sync what the remote has; hint: git push, then run again (or --revision <pushed commit>)");
            }

            guarded = head;
        }
        catch (ToolFailedException e)
        {
            throw new TargetFailedException($"cannot read the revision to deploy: {e.Message}; hint: name it with --revision");
        }
    }

    public static async Task RunAsync(IDeployProd build, TargetContext context, CancellationToken cancellationToken)
    {
        var declared = Declaration(build);
        using var connection = Connect(build, declared);
        Check(declared, connection, context);
        var reachable = await connection.ProbeAsync(build.ClusterOptions.ProbeTimeout, cancellationToken).ConfigureAwait(false);
        if (!reachable.IsReachable)
        {
            throw new TargetFailedException($"DeployProd cannot reach {declared.Environment}: {reachable.Reason}");
        }

        var client = new ApiServerClient(connection);
        var rollback = $"./build.sh DeployProd --rollback --kube-context {declared.Context}";
        Promotion Promote(IReadOnlyList<JObject> projects) => new(client, build.Time)
        {
            WaveTimeout = TimeSpan.FromMinutes(build.WaveTimeout),
            HistoryDirectory = build.TemporaryDirectory / "deployments",
            RollbackCommand = rollback,
            Projects = projects,
            OnChange = progress => context.Info(progress.ToString()),
            OnWaveReady = wave => context.Info($"wave {wave.Wave}: {wave.Applications} Applications Synced and Healthy after {wave.Duration.TotalSeconds:0} s"),
        };
        var who = Who(build);
        if (build.Rollback)
        {
            await ConcludeAsync(await Refusable(() => Promote([]).RollbackAsync(who, cancellationToken)).ConfigureAwait(false), connection, build, context, cancellationToken).ConfigureAwait(false);
            return;
        }

        var revision = guarded ?? throw new TargetFailedException("DeployProd needs DeployGuard to settle the revision; hint: run ./build.sh DeployProd (it runs the guard first)");
        var set = RenderedSet(build);
        var applications = Complete(set);
        var bootstrap = await ArgoCdBootstrap.IsInstalledAsync(client, cancellationToken).ConfigureAwait(false)
            ? null
            : new ArgoCdBootstrap(ArgoChart(set), build.RootDirectory) { Timeout = TimeSpan.FromMinutes(build.WaveTimeout), KubeContext = declared.Context };
        if (bootstrap is null)
        {
            await CheckSealingCertificateAsync(build, connection, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // ArgoCD installs the Sealed Secrets controller: on a first deployment there is no certificate to compare yet.
            context.Report(new BuildAnnotation(AnnotationSeverity.Warning, $"first deployment: no ArgoCD and so no Sealed Secrets controller on {declared.Environment} yet; clusters/k3s/sealing-cert.pem is checked against the controller from the next deployment on (see README, first deployment)", declared.Span.File, declared.Span.Line, null, "deploy/first-deployment"));
        }

        var plan = await new DeploymentPlanner(client).PlanAsync(applications, cancellationToken).ConfigureAwait(false) with { Bootstrap = bootstrap?.Description };
        context.Info(plan.ToText());
        var markdown = plan.ToMarkdown(revision);
        Directory.CreateDirectory(build.TemporaryDirectory);
        await File.WriteAllTextAsync(build.TemporaryDirectory / "deploy-plan.md", markdown, cancellationToken).ConfigureAwait(false);
        if (build.Environment.TryGetValue("GITHUB_STEP_SUMMARY", out var summary) && summary.Length > 0)
        {
            await File.AppendAllTextAsync(summary, markdown + "\n", cancellationToken).ConfigureAwait(false);
        }

        if (build.DryRun)
        {
            context.AddNote($"dry run of {revision[..Math.Min(12, revision.Length)]}: {plan.Summary}; nothing was written (plan: .nuke/temp/deploy-plan.md)");
            return;
        }

        Refusable(() => DeployConfirmation.Confirm(build.Yes, !Console.IsInputRedirected, question =>
        {
            Console.Write(question);
            return Console.ReadLine();
        }));

        if (bootstrap is not null)
        {
            await BootstrapAsync(build, bootstrap, connection, context, cancellationToken).ConfigureAwait(false);
        }

        var root = Json(build.RootDirectory / "clusters" / Environment / "root.yaml");
        var outcome = await Promote(Projects(set)).DeployAsync(root, revision, who, plan.Summary, cancellationToken).ConfigureAwait(false);
        await ConcludeAsync(outcome, connection, build, context, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ConcludeAsync(PromotionOutcome outcome, ClusterConnection connection, IDeployProd build, TargetContext context, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            context.AddNote(outcome.Describe());
            return;
        }

        if (outcome.Wait is { } wait)
        {
            context.Info(await StackFailureReport.CollectAsync(connection, wait, build.Time, "argocd", CancellationToken.None).ConfigureAwait(false));
        }

        context.Info(outcome.Describe());
        if (outcome.Cancelled)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        throw new TargetFailedException(outcome.Describe());
    }

    private static ClusterDeclaration Declaration(IDeployProd build)
    {
        var (environment, findings) = EnvironmentFile.Load(build.ProdEnvironment);
        if (environment is null)
        {
            throw new TargetFailedException(findings.FirstOrDefault()?.ToString() ?? $"{build.ProdEnvironment}: cannot be read");
        }

        return Refusable(() => ClusterDeclaration.Read(environment));
    }

    private static void Check(ClusterDeclaration declared, ClusterConnection connection, TargetContext context)
    {
        if (Refusable(() => ContextGuard.Check(declared, ClusterIdentity.Of(connection))) is { } note)
        {
            context.Report(new BuildAnnotation(AnnotationSeverity.Warning, note, declared.Span.File, declared.Span.Line, null, "deploy/ca-fingerprint"));
        }
    }

    private static ClusterConnection Connect(IDeployProd build, ClusterDeclaration declared) =>
        build.ConnectToCluster(build.ClusterOptions.WithMissingKubeconfigHint(
            $"DeployProd talks to the hardware, not to k3d: fetch its kubeconfig with `scp <server node>:/etc/rancher/k3s/k3s.yaml ~/.kube/{declared.Context}.yaml`, "
            + $"set its server: to {declared.Server.ToString().TrimEnd('/')} and rename its context to {declared.Context}, then pass --kubeconfig ~/.kube/{declared.Context}.yaml (or set KUBECONFIG)"));

    private static RenderedSet RenderedSet(IDeployProd build)
    {
        var set = build.Rendered.All.FirstOrDefault(s => s.Name == Environment)?.Rendered
            ?? throw new TargetFailedException("DeployProd needs the rendered k3s set; hint: run ./build.sh DeployProd without --environment, or with --environment k3s");
        if (set.HasErrors)
        {
            throw new TargetFailedException("the k3s set did not render cleanly (see the errors above); nothing is deployed from an incomplete render");
        }

        return set;
    }

    // ArgoCD's own Application as the environment renders it (with its patches), so the bootstrap installs what its first sync keeps.
    private static ArgoCdChart ArgoChart(RenderedSet set)
    {
        var argocd = set.Objects.FirstOrDefault(o => o.Kind == "Application" && o.Group == ArgoApplication.Group
            && o.Root.ToJson()?["spec"] is System.Text.Json.Nodes.JsonObject spec
            && (spec["sources"] as System.Text.Json.Nodes.JsonArray ?? [spec["source"]?.DeepClone()]).Any(source => source?["chart"]?.GetValue<string>() == ArgoCdChartName))
            ?? throw new TargetFailedException($"the k3s set has no Application that installs the {ArgoCdChartName} chart, so ArgoCD cannot be bootstrapped as it will manage itself; hint: keep manifests/argocd/platform/argocd.yaml in the k3s tree");
        try
        {
            return ArgoCdChart.Parse(argocd.Root.ToJson()!.ToJsonString(), $"{argocd.Span}");
        }
        catch (InvalidDataException e)
        {
            throw new TargetFailedException(e.Message);
        }
    }

    private static IReadOnlyList<JObject> Projects(RenderedSet set) =>
        [.. set.Objects.Where(o => o.Kind == "AppProject" && o.Group == ArgoApplication.Group).Select(o => JObject.Parse(o.Root.ToJson()!.ToJsonString()))];

    private static async Task BootstrapAsync(IDeployProd build, ArgoCdBootstrap bootstrap, ClusterConnection connection, TargetContext context, CancellationToken cancellationToken)
    {
        context.Info($"bootstrap: {bootstrap.Description}");
        await new Manifests.HelmBootstrap(build.RootDirectory).EnsureAsync(context, cancellationToken).ConfigureAwait(false);
        Helm helm;
        try
        {
            helm = Helm.Locate(build.HelmExe?.Value, build.RootDirectory);
        }
        catch (ToolNotFoundException e)
        {
            throw new TargetFailedException($"{e.Message}; hint: {e.Hint}");
        }

        helm = helm.WithEnvironmentVariable("KUBECONFIG", connection.KubeconfigPath).WithHome(build.TemporaryDirectory / "helm");
        try
        {
            await bootstrap.InstallAsync(helm, context.Info, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgoCdBootstrapException e)
        {
            throw new TargetFailedException($"{e.Message}; nothing else was changed; hint: fix the cause and run ./build.sh DeployProd again (the install is repeatable)");
        }
    }

    // Every Application of the rendered set must have rendered: a plan that leaves one out would hide its changes.
    private static IReadOnlyList<DesiredApplication> Complete(RenderedSet set)
    {
        var declaredApplications = set.Objects.Where(o => o.Kind == "Application" && o.Group == ArgoApplication.Group && o.Name is not null).ToList();
        var rendered = set.Sources.Where(s => s.Application is not null).GroupBy(s => s.Application!).ToDictionary(g => g.Key, g => g.SelectMany(s => s.Objects).ToList(), StringComparer.Ordinal);
        var missing = declaredApplications.Where(a => !rendered.ContainsKey(a.Name!)).ToList();
        if (missing.Count > 0)
        {
            throw new TargetFailedException($"{missing[0].Span}: Application {missing[0].Name} did not render{(missing.Count > 1 ? $" (and {missing.Count - 1} more)" : string.Empty)}; every Application must render before a deployment; hint: ./build.sh SyncCharts fills the chart cache");
        }

        return [.. declaredApplications.Select(a => new DesiredApplication(
            a.Name!,
            int.TryParse(a.Annotations.GetValueOrDefault(ArgoApplication.SyncWaveAnnotation), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var wave) ? wave : 0,
            [.. rendered[a.Name!].Select(o => JObject.Parse(o.Root.ToJson().ToJsonString()))]))];
    }

    private static async Task CheckSealingCertificateAsync(IDeployProd build, ClusterConnection connection, CancellationToken cancellationToken)
    {
        var path = build.RootDirectory / "clusters" / Environment / "sealing-cert.pem";
        if (!File.Exists(path))
        {
            throw new TargetFailedException($"{Path.GetRelativePath(build.RootDirectory, path)}: missing; the k3s SealedSecrets cannot be checked against the controller; hint: ./build.sh FetchSealingCert --environment k3s --kube-context <hardware>, then re-seal and commit");
        }

        try
        {
            using var committed = SealingCertificate.Load(path, build.Time);
            var served = await new FetchSealingCertOperation(connection.Kubernetes, build.Time).RunAsync(new FetchSealingCertOptions(), cancellationToken).ConfigureAwait(false);
            if (!string.Equals(served.Fingerprint, committed.Fingerprint, StringComparison.OrdinalIgnoreCase))
            {
                throw new TargetFailedException($"{Path.GetRelativePath(build.RootDirectory, path)}: key {committed.Fingerprint[..16]}… is not the controller's ({served.Fingerprint[..16]}…): the sealed secrets would not decrypt; hint: ./build.sh FetchSealingCert --environment k3s, re-seal with ./build.sh Seal, commit, push");
            }
        }
        catch (SecretSealingException e)
        {
            throw new TargetFailedException(e.ToOneLine());
        }
    }

    private static JObject Json(string path)
    {
        var loaded = YamlLoader.Default.LoadFile(path);
        if (loaded.HasErrors || loaded.Documents.Count == 0 || loaded.Documents[0].Root is not YamlMap map)
        {
            throw new TargetFailedException(loaded.Findings.FirstOrDefault()?.ToString() ?? $"{path}:1: not an Application");
        }

        return JObject.Parse(map.ToJson().ToJsonString());
    }

    private static string Who(IDeployProd build) =>
        build.Environment.GetValueOrDefault("GITHUB_ACTOR") ?? build.Environment.GetValueOrDefault("USER") ?? build.Environment.GetValueOrDefault("USERNAME") ?? "unknown";

    private static T Refusable<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (DeployRefusedException e)
        {
            throw new TargetFailedException(e.Message);
        }
    }

    private static void Refusable(Action step) => Refusable(() =>
    {
        step();
        return true;
    });

    private static async Task<T> Refusable<T>(Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (DeployRefusedException e)
        {
            throw new TargetFailedException(e.Message);
        }
    }
}

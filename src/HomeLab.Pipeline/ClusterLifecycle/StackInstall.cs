using HomeLab.Cluster.Argo;
using HomeLab.Manifests.Environments;
using HomeLab.Pipeline.Progress;
using HomeLab.Targets;
using HomeLab.Tools;

namespace HomeLab.Pipeline.ClusterLifecycle;

/// <summary>
/// StackUp's steps, in the order the stack needs them: the sealing key Secret (before the Sealed Secrets controller
/// starts, so it adopts the key instead of making one), ArgoCD from the chart and values of its own Application, the
/// AppProjects and the root app-of-apps pointed at the served revision, then the wave-by-wave wait.
/// </summary>
internal static class StackInstall
{
    /// <summary>The repository served to ArgoCD for the rest of the build (the Test target reads what ArgoCD synced from it).</summary>
    private static ServedRepository? served;

    public static async Task RunAsync(IClusterLifecycle build, TargetContext context, CancellationToken cancellationToken)
    {
        var root = build.RootDirectory;
        using (var target = build.ConnectToCluster())
        {
            ClusterAccess.PromotionTargets.Refuse(root, target);
        }

        var time = build.Time;
        var kubeconfig = build.ProjectKubeconfig;
        var kubectl = Locate(() => Kubectl.Locate(null, root)).WithEnvironmentVariable("KUBECONFIG", kubeconfig);
        await new Manifests.HelmBootstrap(root).EnsureAsync(context, cancellationToken).ConfigureAwait(false);
        var helm = Locate(() => Helm.Locate(null, root)).WithEnvironmentVariable("KUBECONFIG", kubeconfig).WithHome(build.TemporaryDirectory / "helm");

        var stage = time.GetTimestamp();
        await ApplyAsync(kubectl, context, root / "clusters" / "k3d" / "sealing-key-secret.yaml", cancellationToken).ConfigureAwait(false);

        var argocd = ArgoCdChart.Load(root / "manifests" / "argocd" / "platform" / "argocd.yaml");
        var bootstrap = new ArgoCdBootstrap(argocd, root) { Timeout = TimeSpan.FromMinutes(build.WaveTimeout) };
        context.Info($"{bootstrap.Description}, as ArgoCD's own Application does");
        try
        {
            await bootstrap.InstallAsync(helm, context.Info, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgoCdBootstrapException e)
        {
            throw new TargetFailedException(e.Message);
        }

        build.ClusterStages.Add("ArgoCD installed", time.GetElapsedTime(stage));

        var (environment, _) = EnvironmentFile.Load(build.K3dEnvironment);
        var upstream = environment?.Render.RepositoryUrls ?? [];
        if (served is not null)
        {
            await served.DisposeAsync().ConfigureAwait(false);
        }

        served = await ServedRepository.StartAsync(root, build.TemporaryDirectory / "served-repository", upstream, build.RepositoryPort, cancellationToken).ConfigureAwait(false);
        context.Info($"serving commit {served.Revision[..Math.Min(12, served.Revision.Length)]} to ArgoCD as {served.ClusterUrl}");
        foreach (var file in new[] { root / "manifests" / "argocd" / "projects.yaml", root / "clusters" / "k3d" / "root.yaml" })
        {
            var pointed = build.TemporaryDirectory / ("served-" + Path.GetFileName(file));
            await File.WriteAllTextAsync(pointed, ServedRepository.PointAt(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), upstream, served.ClusterUrl), cancellationToken).ConfigureAwait(false);
            await ApplyAsync(kubectl, context, pointed, cancellationToken).ConfigureAwait(false);
        }

        stage = time.GetTimestamp();
        using var connection = build.ConnectToCluster();
        SyncWaveOutcome outcome;
        await using (var view = SyncProgressView.StartOnStandardOutput(context.Info))
        {
            outcome = await new SyncWaveWait(connection.Kubernetes, time)
            {
                Namespace = argocd.Namespace,
                WaveTimeout = TimeSpan.FromMinutes(build.WaveTimeout),
                OnChange = view.Show,
                OnWaveReady = wave =>
                {
                    view.WaveReady(wave);
                    build.ClusterStages.Add($"wave {wave.Wave} ({wave.Applications} Applications)", wave.Duration);
                },
            }.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!outcome.Succeeded)
        {
            context.Info(await StackFailureReport.CollectAsync(connection, outcome, time, argocd.Namespace, cancellationToken).ConfigureAwait(false));
            await ReportStagesAsync(build, context, cancellationToken).ConfigureAwait(false);
            throw new TargetFailedException(outcome.Describe());
        }

        build.ClusterStages.Add("stack Synced and Healthy", time.GetElapsedTime(stage));
        context.AddNote(outcome.Describe());
        await ReportStagesAsync(build, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each stage's time so far: a note in the build's summary and, on GitHub Actions, a table in the step summary.</summary>
    private static async Task ReportStagesAsync(IClusterLifecycle build, TargetContext context, CancellationToken cancellationToken)
    {
        context.AddNote(build.ClusterStages.ToString());
        if (build.Environment.TryGetValue("GITHUB_STEP_SUMMARY", out var summary) && summary.Length > 0)
        {
            await File.AppendAllTextAsync(summary, build.ClusterStages.ToMarkdown() + "\n", cancellationToken).ConfigureAwait(false);
        }
    }

    private static T Locate<T>(Func<T> locate)
    {
        try
        {
            return locate();
        }
        catch (ToolNotFoundException e)
        {
            throw new TargetFailedException($"{e.Message}; hint: {e.Hint}");
        }
    }

    private static Task ApplyAsync(Kubectl kubectl, TargetContext context, string file, CancellationToken cancellationToken) =>
        RunAsync(kubectl, context, ["apply", "--server-side", "--force-conflicts", "--field-manager", "homelab", "-f", file], cancellationToken);

    private static async Task RunAsync<TTool>(CommandLineTool<TTool> tool, TargetContext context, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
        where TTool : CommandLineTool<TTool>
    {
        var errors = new List<string>();
        var exitCode = await tool.StreamAsync(arguments, line =>
        {
            if (line.IsError)
            {
                errors.Add(line.Text);
            }

            context.Info(line.Text);
        }, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new TargetFailedException($"{Path.GetFileName(tool.ExecutablePath)} {arguments[0]} exited with {exitCode}: {errors.LastOrDefault() ?? "no message"}");
        }
    }
}

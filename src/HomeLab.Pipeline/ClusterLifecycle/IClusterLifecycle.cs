using System.Text.Json.Nodes;
using HomeLab.Cluster.K3d;
using HomeLab.Cluster.Nodes;
using HomeLab.Pipeline.Suites;
using HomeLab.Targets;
using HomeLab.Tools;
using HomeLab.Tools.Downloads;
using HomeLab.Tools.K3d;

namespace HomeLab.Pipeline.ClusterLifecycle;

/// <summary>
/// A component: the live pair's cluster — <c>ClusterUp</c> (the k3d cluster of <c>clusters/k3d/k3d.yaml</c>, Ready
/// and labelled as the environment declares), <c>StackUp</c> (the stack installed through ArgoCD from the revision
/// under test, waited for wave by wave) and <c>ClusterDown</c>. <c>./build.sh ClusterUp Test</c> runs
/// ClusterUp → StackUp → Test.
/// </summary>
public interface IClusterLifecycle : IStackTests
{
    /// <summary>The k3d executable; otherwise K3D_EXE, PATH, <c>.nuke/tools</c>, then the pinned download.</summary>
    [Parameter("ClusterUp: the k3d executable (default: K3D_EXE, PATH, .nuke/tools, else the pinned k3d 5.x is downloaded and verified).")]
    string? K3dExecutable => TryGetValue(() => K3dExecutable);

    /// <summary>Whether a cluster that differs from its config is deleted and created again.</summary>
    [Parameter("ClusterUp: delete and re-create the cluster when it differs from clusters/k3d/k3d.yaml (its data goes).")]
    bool Recreate => TryGetValue<bool?>(() => Recreate) ?? false;

    /// <summary>Whether the cluster's kubeconfig is merged into <c>~/.kube/config</c> too.</summary>
    [Parameter("ClusterUp: also merge the cluster's kubeconfig into ~/.kube/config (default: only .nuke/temp/kubeconfig).")]
    bool MergeKubeconfig => TryGetValue<bool?>(() => MergeKubeconfig) ?? false;

    /// <summary>Whether the rendered k3d set's images are imported from the local Docker cache.</summary>
    [Parameter("ClusterUp: import the images of the rendered k3d set from the local Docker cache (k3d image import), so each is pulled once.")]
    bool PreloadImages => TryGetValue<bool?>(() => PreloadImages) ?? false;

    /// <summary>How long each sync wave may take.</summary>
    [Parameter("StackUp: minutes each ArgoCD sync wave may take to become Synced and Healthy (default 5).")]
    int WaveTimeout => TryGetValue<int?>(() => WaveTimeout) ?? 5;

    /// <summary>The host port the revision under test is served to ArgoCD on.</summary>
    [Parameter("StackUp: the host port the repository is served to ArgoCD on (default 9480).")]
    int RepositoryPort => TryGetValue<int?>(() => RepositoryPort) ?? 9480;

    /// <summary>The k3d config.</summary>
    AbsolutePath K3dConfig => RootDirectory / "clusters" / "k3d" / "k3d.yaml";

    /// <summary>The k3d environment (nodes and their labels).</summary>
    AbsolutePath K3dEnvironment => RootDirectory / "clusters" / "k3d" / "environment.yaml";

    /// <summary>The project-local kubeconfig ClusterUp writes and later targets use.</summary>
    AbsolutePath ProjectKubeconfig => TemporaryDirectory / "kubeconfig";

    /// <summary>The stage times of this run.</summary>
    StageTimes ClusterStages { get; }

    /// <summary>Makes sure the k3d cluster runs as its config says.</summary>
    Target ClusterUp => _ => _
        .Description("Creates, starts or reuses the k3d cluster of clusters/k3d/k3d.yaml (--recreate when it differs), waits for Ready nodes and checks their labels; writes .nuke/temp/kubeconfig. Needs Docker; k3d is fetched if absent.")
        .After(Render)
        .Triggers(StackUp)
        .Exclusive("cluster")
        .Executes(async (context, ct) =>
        {
            var started = Time.GetTimestamp();
            var lifecycle = await CreateLifecycleAsync(context, ct).ConfigureAwait(false);
            ClusterAccess.PromotionTargets.Refuse(RootDirectory, lifecycle.Config.Name, KubeContext);
            var outcome = await RunAsync(() => lifecycle.UpAsync(ProjectKubeconfig, Recreate, MergeKubeconfig, ct)).ConfigureAwait(false);
            ExportKubeconfig();
            context.Info(outcome.Describe());
            context.Info($"export KUBECONFIG={ProjectKubeconfig}   # to use it from your shell");
            ClusterStages.Add($"ClusterUp ({outcome.Action.ToString().ToLowerInvariant()})", Time.GetElapsedTime(started));

            var (environment, findings) = HomeLab.Manifests.Environments.EnvironmentFile.Load(K3dEnvironment);
            if (environment is null)
            {
                throw new TargetFailedException(findings.FirstOrDefault()?.ToString() ?? $"{K3dEnvironment}: cannot be read");
            }

            var readyStarted = Time.GetTimestamp();
            using var connection = ConnectToCluster();
            ClusterAccess.PromotionTargets.Refuse(RootDirectory, connection);
            var nodes = await RunAsync(() => new NodeReadiness(connection.Kubernetes, Time) { OnChange = (name, ready) => context.Info($"node {name}: {(ready ? "Ready" : "not Ready")}") }
                .WaitReadyAsync(environment.Nodes.Count, TimeSpan.FromMinutes(5), ct)).ConfigureAwait(false);
            var problems = NodeReadiness.CheckLabels(nodes, environment.Nodes, Path.GetRelativePath(RootDirectory, K3dEnvironment));
            foreach (var problem in problems)
            {
                context.Report(new BuildAnnotation(AnnotationSeverity.Error, problem, K3dEnvironment, null, null, "cluster/labels"));
            }

            if (problems.Count > 0)
            {
                throw new TargetFailedException($"{problems.Count} declared node labels are missing on the cluster");
            }

            ClusterStages.Add("nodes Ready", Time.GetElapsedTime(readyStarted));
            if (PreloadImages)
            {
                var images = RenderedImages();
                await RunAsync(() => lifecycle.ImportImagesAsync(images, ct)).ConfigureAwait(false);
                context.Info($"imported {images.Count} images into the cluster");
            }

            context.AddNote($"{outcome.Action.ToString().ToLowerInvariant()} in {Time.GetElapsedTime(started).TotalSeconds:0} s, {nodes.Count} nodes Ready");
        });

    /// <summary>Installs the stack through ArgoCD and waits for it.</summary>
    Target StackUp => _ => _
        .Description("Installs the stack on the cluster through ArgoCD: the sealing key, ArgoCD's pinned chart, the AppProjects and the root app at the committed HEAD (served to the cluster), then waits wave by wave for every Application to be Synced and Healthy.")
        .After(ClusterUp)
        .Before(Test)
        .Exclusive("cluster")
        .Executes(async (context, ct) =>
        {
            ExportKubeconfig();
            await StackInstall.RunAsync(this, context, ct).ConfigureAwait(false);
        });

    /// <summary>Deletes the k3d cluster; runs even after a failure, so CI leaves no cluster behind.</summary>
    Target ClusterDown => _ => _
        .Description("Deletes the k3d cluster (nothing to do when there is none); runs even after a failure.")
        .After(ClusterUp, StackUp, Test)
        .AssuredAfterFailure()
        .Exclusive("cluster")
        .Executes(async (context, ct) =>
        {
            var lifecycle = await CreateLifecycleAsync(context, ct).ConfigureAwait(false);
            var deleted = await RunAsync(() => lifecycle.DownAsync(ct)).ConfigureAwait(false);
            context.AddNote(deleted ? $"deleted cluster {lifecycle.Config.Name}" : $"no cluster {lifecycle.Config.Name}; nothing to do");
            if (File.Exists(ProjectKubeconfig))
            {
                File.Delete(ProjectKubeconfig);
            }
        });

    /// <summary>Points this process (and the programs it starts, such as <c>dotnet test</c>) at the project-local kubeconfig.</summary>
    void ExportKubeconfig()
    {
        // A later target in this run, and the test host it starts, must reach the cluster ClusterUp made, not
        // whatever KUBECONFIG or ~/.kube/config points at.
        if (File.Exists(ProjectKubeconfig))
        {
            SwitchKubeconfig(ProjectKubeconfig);
        }
    }

    /// <summary>Resolves k3d (downloading the pinned release when needed) and reads the config.</summary>
    /// <param name="context">The target's context.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>The lifecycle.</returns>
    async Task<K3dClusterLifecycle> CreateLifecycleAsync(TargetContext context, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var k3d = await RunAsync(() => K3d.LocateOrDownloadAsync(new ToolDownloader(http), null, K3dExecutable, RootDirectory, name => Environment.TryGetValue(name, out var value) ? value : null, cancellationToken)).ConfigureAwait(false);
        context.Verbose($"k3d: {k3d.ExecutablePath}");
        var config = await RunAsync(() => Task.FromResult(K3dClusterConfig.Load(K3dConfig))).ConfigureAwait(false);
        return new K3dClusterLifecycle(k3d, config, Time) { LockPath = TemporaryDirectory / "cluster.lock", OnMessage = context.Info };
    }

    /// <summary>The container images of the rendered k3d set.</summary>
    /// <returns>The images, sorted, each once.</returns>
    /// <exception cref="TargetFailedException">Render did not run in this build.</exception>
    IReadOnlyList<string> RenderedImages()
    {
        var set = Rendered.All.FirstOrDefault(s => s.Name == "k3d")
            ?? throw new TargetFailedException("--preload-images needs the rendered k3d set; hint: run ./build.sh Render ClusterUp --preload-images");
        var images = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var obj in set.Objects)
        {
            Collect(obj.Root.ToJson(), images);
        }

        return [.. images];

        static void Collect(JsonNode? node, SortedSet<string> images)
        {
            switch (node)
            {
                case JsonObject map:
                    foreach (var (key, value) in map)
                    {
                        if (key is "containers" or "initContainers" && value is JsonArray containers)
                        {
                            foreach (var container in containers.OfType<JsonObject>())
                            {
                                if (container["image"] is JsonValue image && image.TryGetValue<string>(out var text) && text.Length > 0)
                                {
                                    images.Add(text);
                                }
                            }
                        }
                        else
                        {
                            Collect(value, images);
                        }
                    }

                    break;
                case JsonArray list:
                    foreach (var item in list)
                    {
                        Collect(item, images);
                    }

                    break;
            }
        }
    }

    /// <summary>Runs a step, turning the errors a user can cause into one-line target failures.</summary>
    /// <typeparam name="T">The step's result.</typeparam>
    /// <param name="step">The step.</param>
    /// <returns>The result.</returns>
    static async Task<T> RunAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception e) when (e is ClusterDriftException or K3dCommandException or K3dConfigException or ToolDownloadException or TimeoutException)
        {
            throw new TargetFailedException(e.Message);
        }
        catch (ToolNotFoundException e)
        {
            throw new TargetFailedException($"{e.Message}; hint: {e.Hint}");
        }
    }

    /// <summary>Runs a step with no result, turning user errors into one-line target failures.</summary>
    /// <param name="step">The step.</param>
    /// <returns>A task.</returns>
    static Task RunAsync(Func<Task> step) => RunAsync(async () =>
    {
        await step().ConfigureAwait(false);
        return true;
    });
}

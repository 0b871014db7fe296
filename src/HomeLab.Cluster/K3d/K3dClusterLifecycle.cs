using HomeLab.Tools.K3d;

namespace HomeLab.Cluster.K3d;

/// <summary>
/// Brings the k3d cluster a config describes up or down, idempotently: running and matching → reused; stopped →
/// started; absent → created; different from the config → a <see cref="ClusterDriftException"/> saying what differs
/// (or, when asked, deleted and created). Writes a project-local kubeconfig; the user's own is merged only when asked.
/// </summary>
public sealed class K3dClusterLifecycle
{
    private readonly Tools.K3d.K3d _k3d;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the lifecycle of a cluster.</summary>
    /// <param name="k3d">The k3d wrapper.</param>
    /// <param name="config">The cluster's config.</param>
    /// <param name="timeProvider">The clock (lock waits).</param>
    public K3dClusterLifecycle(Tools.K3d.K3d k3d, K3dClusterConfig config, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(k3d);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _k3d = k3d;
        Config = config;
        _timeProvider = timeProvider;
    }

    /// <summary>The cluster's config.</summary>
    public K3dClusterConfig Config { get; }

    /// <summary>The lock file that keeps two builds from changing the cluster at once; none when null.</summary>
    public string? LockPath { get; init; }

    /// <summary>Called with what is being done, for the build log.</summary>
    public Action<string>? OnMessage { get; init; }

    /// <summary>Makes sure the cluster runs as its config says and writes its kubeconfig.</summary>
    /// <param name="kubeconfigPath">Where the project-local kubeconfig goes.</param>
    /// <param name="recreate">Delete and create the cluster when it differs from the config.</param>
    /// <param name="mergeKubeconfig">Also merge it into the user's <c>~/.kube/config</c>.</param>
    /// <param name="cancellationToken">Stops k3d.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="ClusterDriftException">The cluster differs and <paramref name="recreate"/> is false.</exception>
    /// <exception cref="K3dCommandException">k3d failed.</exception>
    public async Task<ClusterUpOutcome> UpAsync(string kubeconfigPath, bool recreate, bool mergeKubeconfig, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kubeconfigPath);
        using var held = await LockAsync(cancellationToken).ConfigureAwait(false);
        var existing = await FindAsync(cancellationToken).ConfigureAwait(false);
        ClusterUpAction action;
        if (existing is null)
        {
            OnMessage?.Invoke($"creating cluster {Config.Name} from {Config.Path}");
            await RunAsync(_k3d.CreateClusterAsync(Config.Path, cancellationToken)).ConfigureAwait(false);
            action = ClusterUpAction.Created;
        }
        else if (Config.Differences(existing) is { Count: > 0 } differences)
        {
            if (!recreate)
            {
                throw new ClusterDriftException(Config.Name, differences);
            }

            OnMessage?.Invoke($"cluster {Config.Name} differs from {Config.Path} ({string.Join("; ", differences)}); deleting and re-creating it (--recreate)");
            await RunAsync(_k3d.DeleteClusterAsync(Config.Name, cancellationToken)).ConfigureAwait(false);
            await RunAsync(_k3d.CreateClusterAsync(Config.Path, cancellationToken)).ConfigureAwait(false);
            action = ClusterUpAction.Recreated;
        }
        else if (!existing.IsRunning)
        {
            OnMessage?.Invoke($"starting stopped cluster {Config.Name}");
            await RunAsync(_k3d.StartClusterAsync(Config.Name, cancellationToken)).ConfigureAwait(false);
            action = ClusterUpAction.Started;
        }
        else
        {
            action = ClusterUpAction.Reused;
        }

        var kubeconfig = await _k3d.GetKubeconfigAsync(Config.Name, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(kubeconfigPath))!);
        await File.WriteAllTextAsync(kubeconfigPath, kubeconfig, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            // It holds the cluster's admin credentials.
            File.SetUnixFileMode(kubeconfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        if (mergeKubeconfig)
        {
            await RunAsync(_k3d.MergeKubeconfigAsync(Config.Name, cancellationToken)).ConfigureAwait(false);
            OnMessage?.Invoke($"merged the kubeconfig of {Config.Name} into ~/.kube/config (--merge-kubeconfig)");
        }

        return new ClusterUpOutcome(action, Config.Name, kubeconfigPath);
    }

    /// <summary>Deletes the cluster if it exists.</summary>
    /// <param name="cancellationToken">Stops k3d.</param>
    /// <returns>Whether there was a cluster to delete.</returns>
    /// <exception cref="K3dCommandException">k3d failed.</exception>
    public async Task<bool> DownAsync(CancellationToken cancellationToken)
    {
        using var held = await LockAsync(cancellationToken).ConfigureAwait(false);
        if (await FindAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await RunAsync(_k3d.DeleteClusterAsync(Config.Name, cancellationToken)).ConfigureAwait(false);
        return true;
    }

    /// <summary>Imports images from the local Docker cache into the cluster's nodes.</summary>
    /// <param name="images">The images.</param>
    /// <param name="cancellationToken">Stops k3d.</param>
    /// <returns>A task.</returns>
    /// <exception cref="K3dCommandException">k3d failed (an image not in the local cache, for instance).</exception>
    public async Task ImportImagesAsync(IReadOnlyList<string> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count > 0)
        {
            await RunAsync(_k3d.ImportImagesAsync(Config.Name, images, cancellationToken)).ConfigureAwait(false);
        }
    }

    private static async Task RunAsync(Task<Tools.ToolResult> run)
    {
        var result = await run.ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new K3dCommandException(result);
        }
    }

    private async Task<K3dCluster?> FindAsync(CancellationToken cancellationToken) =>
        (await _k3d.ListClustersAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.Name == Config.Name);

    private async Task<IDisposable?> LockAsync(CancellationToken cancellationToken) =>
        LockPath is null ? null : await ClusterLock.AcquireAsync(LockPath, _timeProvider, OnMessage, cancellationToken).ConfigureAwait(false);
}

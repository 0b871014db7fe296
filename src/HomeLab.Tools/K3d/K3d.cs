using System.Collections.Immutable;
using HomeLab.Tools.Downloads;

namespace HomeLab.Tools.K3d;

/// <summary>
/// k3d (k3s in Docker), run through the one process runner. Immutable: every <c>With…</c> method returns a new
/// instance. The cluster commands the lifecycle needs: list, create from a config file, start, delete, the
/// kubeconfig, and image import.
/// </summary>
public sealed class K3d : CommandLineTool<K3d>
{
    /// <summary>The tool's name, also the file name looked for on PATH and in <c>.nuke/tools</c>.</summary>
    public const string ToolName = "k3d";

    /// <summary>The pinned k3d 5.x release fetched when none is installed.</summary>
    public const string PinnedVersion = "5.8.3";

    /// <summary>How to get k3d when it is missing.</summary>
    public const string InstallHint = "install k3d 5.x (https://k3d.io), put it on PATH or set K3D_EXE; ClusterUp fetches the pinned release into .nuke/tools when it can reach github.com";

    private K3d(string executablePath, string? workingDirectory, ImmutableDictionary<string, string?> environment)
        : base(executablePath, workingDirectory, environment)
    {
    }

    /// <summary>Uses a k3d executable.</summary>
    /// <param name="executablePath">The executable.</param>
    public K3d(string executablePath)
        : this(executablePath, null, ImmutableDictionary<string, string?>.Empty)
    {
    }

    /// <summary>The pinned release for this machine's platform, from k3d's GitHub releases.</summary>
    /// <returns>The release.</returns>
    public static PinnedRelease PinnedRelease()
    {
        var platform = Downloads.PinnedRelease.CurrentPlatform();
        return new PinnedRelease(
            ToolName,
            PinnedVersion,
            new Uri($"https://github.com/k3d-io/k3d/releases/download/v{PinnedVersion}/"),
            $"k3d-{platform}{(platform.StartsWith("windows", StringComparison.Ordinal) ? ".exe" : string.Empty)}",
            "checksums.txt");
    }

    /// <summary>Finds k3d: explicit path, <c>K3D_EXE</c>, PATH, <c>.nuke/tools/k3d</c>.</summary>
    /// <param name="explicitPath">A path given by the caller; wins when set.</param>
    /// <param name="repositoryRoot">The repository root; found from the current directory when null.</param>
    /// <param name="environment">Reads environment variables; the process environment when null.</param>
    /// <returns>The wrapper.</returns>
    /// <exception cref="ToolNotFoundException">k3d is nowhere to be found.</exception>
    public static K3d Locate(string? explicitPath = null, string? repositoryRoot = null, Func<string, string?>? environment = null) =>
        new(ToolLocator.Locate(ToolName, InstallHint, explicitPath, repositoryRoot, environment));

    /// <summary>
    /// Finds k3d as <see cref="Locate"/> does and, when it is nowhere and was not named explicitly, fetches the pinned
    /// release into <c>&lt;root&gt;/.nuke/tools</c>, verified against the release's checksums.
    /// </summary>
    /// <param name="downloader">Fetches the release.</param>
    /// <param name="release">The release to fetch; <see cref="PinnedRelease()"/> when null.</param>
    /// <param name="explicitPath">A path given by the caller (never replaced by a download).</param>
    /// <param name="repositoryRoot">The repository root.</param>
    /// <param name="environment">Reads environment variables; the process environment when null.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>The wrapper.</returns>
    /// <exception cref="ToolNotFoundException">An explicit path or <c>K3D_EXE</c> names a file that does not exist.</exception>
    /// <exception cref="ToolDownloadException">The download failed or did not match its checksum.</exception>
    public static async Task<K3d> LocateOrDownloadAsync(
        ToolDownloader downloader,
        PinnedRelease? release = null,
        string? explicitPath = null,
        string? repositoryRoot = null,
        Func<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(downloader);
        environment ??= Environment.GetEnvironmentVariable;
        var root = repositoryRoot ?? RepositoryRoot.Find() ?? Directory.GetCurrentDirectory();
        try
        {
            return Locate(explicitPath, root, environment);
        }
        catch (ToolNotFoundException) when (string.IsNullOrEmpty(explicitPath) && string.IsNullOrEmpty(environment(ToolLocator.EnvironmentVariableFor(ToolName))))
        {
            var path = await downloader.EnsureAsync(release ?? PinnedRelease(), Path.Combine(root, ".nuke", "tools"), cancellationToken).ConfigureAwait(false);
            return new K3d(path);
        }
    }

    /// <summary>Runs <c>k3d cluster list -o json</c>.</summary>
    /// <param name="cancellationToken">Stops the tool.</param>
    /// <returns>The clusters.</returns>
    /// <exception cref="K3dCommandException">k3d failed (Docker not running, for instance).</exception>
    public async Task<IReadOnlyList<K3dCluster>> ListClustersAsync(CancellationToken cancellationToken = default)
    {
        var result = await ExecuteAsync(["cluster", "list", "-o", "json"], cancellationToken).ConfigureAwait(false);
        return result.IsSuccess ? K3dCluster.ParseList(result.StandardOutput) : throw new K3dCommandException(result);
    }

    /// <summary>The arguments of <c>k3d cluster create --config</c>, leaving the user's kubeconfig alone.</summary>
    /// <param name="configPath">The k3d config file.</param>
    /// <returns>The arguments.</returns>
    public static IReadOnlyList<string> CreateArguments(string configPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(configPath);
        return ["cluster", "create", "--config", configPath, "--kubeconfig-update-default=false", "--kubeconfig-switch-context=false"];
    }

    /// <summary>Creates the cluster a config file describes, without touching <c>~/.kube/config</c>.</summary>
    /// <param name="configPath">The k3d config file.</param>
    /// <param name="cancellationToken">Stops the tool.</param>
    /// <returns>The result.</returns>
    public Task<ToolResult> CreateClusterAsync(string configPath, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CreateArguments(configPath), cancellationToken);

    /// <summary>Starts a stopped cluster and waits for its servers.</summary>
    /// <param name="name">The cluster.</param>
    /// <param name="cancellationToken">Stops the tool.</param>
    /// <returns>The result.</returns>
    public Task<ToolResult> StartClusterAsync(string name, CancellationToken cancellationToken = default) =>
        ExecuteAsync(["cluster", "start", name, "--wait"], cancellationToken);

    /// <summary>Deletes a cluster (and the registry it created).</summary>
    /// <param name="name">The cluster.</param>
    /// <param name="cancellationToken">Stops the tool.</param>
    /// <returns>The result.</returns>
    public Task<ToolResult> DeleteClusterAsync(string name, CancellationToken cancellationToken = default) =>
        ExecuteAsync(["cluster", "delete", name], cancellationToken);

    /// <summary>Prints a cluster's kubeconfig (<c>k3d kubeconfig get</c>).</summary>
    /// <param name="name">The cluster.</param>
    /// <param name="cancellationToken">Stops the tool.</param>
    /// <returns>The kubeconfig YAML.</returns>
    /// <exception cref="K3dCommandException">k3d failed.</exception>
    public async Task<string> GetKubeconfigAsync(string name, CancellationToken cancellationToken = default)
    {
        var result = await ExecuteAsync(["kubeconfig", "get", name], cancellationToken).ConfigureAwait(false);
        return result.IsSuccess ? result.StandardOutput : throw new K3dCommandException(result);
    }

    /// <summary>Merges a cluster's kubeconfig into the user's <c>~/.kube/config</c> (only when asked: <c>--merge-kubeconfig</c>).</summary>
    /// <param name="name">The cluster.</param>
    /// <param name="cancellationToken">Stops the tool.</param>
    /// <returns>The result.</returns>
    public Task<ToolResult> MergeKubeconfigAsync(string name, CancellationToken cancellationToken = default) =>
        ExecuteAsync(["kubeconfig", "merge", name, "--kubeconfig-merge-default"], cancellationToken);

    /// <summary>Imports images from the local Docker cache into every node of a cluster.</summary>
    /// <param name="name">The cluster.</param>
    /// <param name="images">The images.</param>
    /// <param name="cancellationToken">Stops the tool.</param>
    /// <returns>The result.</returns>
    public Task<ToolResult> ImportImagesAsync(string name, IReadOnlyList<string> images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        return ExecuteAsync(["image", "import", .. images, "--cluster", name], cancellationToken);
    }

    private protected override K3d Create(string executablePath, string? workingDirectory, ImmutableDictionary<string, string?> environmentVariables) =>
        new(executablePath, workingDirectory, environmentVariables);
}

using System.Net;
using HomeLab.Targets;
using HomeLab.Tools;

namespace HomeLab.Pipeline.ClusterLifecycle;

/// <summary>
/// The repository revision under test, served to ArgoCD in the k3d cluster over git's "dumb" HTTP protocol: a bare
/// clone of <c>HEAD</c> in which this repository's own URL is replaced by the served one (so every Application and
/// AppProject points at what is being tested, not at GitHub), answered by a static file server on the host that the
/// cluster reaches as <c>host.k3d.internal</c>.
/// </summary>
/// <remarks>
/// Why this way: ArgoCD's repo server fetches with the git CLI, which reads a bare repository from any static HTTP
/// server after <c>git update-server-info</c>; no git daemon, no in-cluster git server and no push to GitHub is
/// needed, the revision is exactly the commit under test, and nothing leaves the machine. Uncommitted changes are not
/// served: commit them first.
/// </remarks>
public sealed class ServedRepository : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly string _directory;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private ServedRepository(HttpListener listener, string directory, Uri clusterUrl, string revision)
    {
        _listener = listener;
        _directory = directory;
        ClusterUrl = clusterUrl;
        Revision = revision;
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The URL the cluster fetches from, e.g. <c>http://host.k3d.internal:9418/homelab.git</c>.</summary>
    public Uri ClusterUrl { get; }

    /// <summary>The commit under test.</summary>
    public string Revision { get; }

    /// <summary>Replaces this repository's upstream URL in a manifest's text with the served URL.</summary>
    /// <param name="text">The manifest.</param>
    /// <param name="upstreamUrls">The URLs that mean this repository (the environment's <c>render.repositoryUrls</c>).</param>
    /// <param name="servedUrl">The served URL.</param>
    /// <returns>The rewritten text.</returns>
    public static string PointAt(string text, IEnumerable<string> upstreamUrls, Uri servedUrl)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(upstreamUrls);
        ArgumentNullException.ThrowIfNull(servedUrl);
        return upstreamUrls.Aggregate(text, (current, url) => current.Replace(url, servedUrl.AbsoluteUri, StringComparison.Ordinal));
    }

    /// <summary>Prepares the bare clone of <c>HEAD</c> and starts serving it.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="workDirectory">A scratch directory (emptied).</param>
    /// <param name="upstreamUrls">The URLs that mean this repository.</param>
    /// <param name="port">The host port to listen on (all interfaces, so the cluster's containers reach it).</param>
    /// <param name="cancellationToken">Stops git.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="TargetFailedException">git failed; the message is git's, with a hint.</exception>
    public static async Task<ServedRepository> StartAsync(AbsolutePath root, string workDirectory, IReadOnlyList<string> upstreamUrls, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upstreamUrls);
        if (Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }

        var work = Path.Combine(workDirectory, "work");
        var bare = Path.Combine(workDirectory, "homelab.git");
        var clusterUrl = new Uri($"http://host.k3d.internal:{port}/homelab.git");
        var git = new ExternalProgram("git");
        var revision = (await GitAsync(git, root, ["rev-parse", "HEAD"], cancellationToken).ConfigureAwait(false)).Trim();
        await GitAsync(git, root, ["clone", "--quiet", "--no-local", "--no-checkout", root, work], cancellationToken).ConfigureAwait(false);
        await GitAsync(git, work, ["checkout", "--quiet", "-B", "main", revision], cancellationToken).ConfigureAwait(false);
        foreach (var file in Directory.EnumerateFiles(work, "*.yaml", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            var pointed = PointAt(text, upstreamUrls, clusterUrl);
            if (pointed != text)
            {
                await File.WriteAllTextAsync(file, pointed, cancellationToken).ConfigureAwait(false);
            }
        }

        await GitAsync(git, work, ["-c", "user.name=homelab", "-c", "user.email=homelab@localhost", "commit", "--quiet", "--allow-empty", "-am", $"Point the Applications at the served revision {revision}"], cancellationToken).ConfigureAwait(false);
        await GitAsync(git, workDirectory, ["clone", "--quiet", "--bare", work, bare], cancellationToken).ConfigureAwait(false);
        await GitAsync(git, bare, ["update-server-info"], cancellationToken).ConfigureAwait(false);

        var listener = new HttpListener();
        listener.Prefixes.Add($"http://*:{port}/");
        try
        {
            listener.Start();
        }
        catch (HttpListenerException e)
        {
            listener.Close();
            throw new TargetFailedException($"cannot serve the repository to the cluster on port {port}: {e.Message}; hint: free the port or pick another with --repository-port");
        }

        return new ServedRepository(listener, workDirectory, clusterUrl, revision);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Closing the listener ends the loop with one of these.
        }

        _stopping.Dispose();
    }

    private static async Task<string> GitAsync(ExternalProgram git, string directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await git.WithWorkingDirectory(directory).ExecuteAsync(arguments, cancellationToken).ConfigureAwait(false);
        return result.IsSuccess
            ? result.StandardOutput
            : throw new TargetFailedException($"{result.CommandLine} failed: {result.ErrorMessage.Split('\n')[0]}; hint: StackUp serves the committed HEAD of this repository to ArgoCD");
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        var relative = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/").TrimStart('/');
        var path = Path.GetFullPath(Path.Combine(_directory, relative));

        // Only files of the bare clone, nothing above it.
        if (context.Request.HttpMethod != "GET" || !path.StartsWith(Path.Combine(_directory, "homelab.git") + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            response.StatusCode = 404;
            return;
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(path, _stopping.Token).ConfigureAwait(false);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpListenerException or OperationCanceledException)
        {
            // The client went away or the server is stopping.
        }
    }
}

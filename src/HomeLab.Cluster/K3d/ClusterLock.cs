namespace HomeLab.Cluster.K3d;

/// <summary>
/// A lock file that keeps two builds (two terminals, two CI jobs on one runner) from creating or deleting the same
/// cluster at once: held by an exclusively opened file, released when disposed or when the process dies.
/// </summary>
public sealed class ClusterLock : IDisposable
{
    private readonly FileStream _file;

    private ClusterLock(FileStream file) => _file = file;

    /// <summary>Takes the lock, waiting while another process holds it.</summary>
    /// <param name="path">The lock file.</param>
    /// <param name="timeProvider">The clock for waiting between attempts.</param>
    /// <param name="onWaiting">Called once when the lock is held by someone else.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The held lock.</returns>
    public static async Task<ClusterLock> AcquireAsync(string path, TimeProvider timeProvider, Action<string>? onWaiting, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var told = false;
        while (true)
        {
            try
            {
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                return new ClusterLock(file);
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!told)
                {
                    onWaiting?.Invoke($"another build holds {path}; waiting for it to finish with the cluster");
                    told = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}

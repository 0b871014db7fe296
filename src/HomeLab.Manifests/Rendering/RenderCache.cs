namespace HomeLab.Manifests.Rendering;

/// <summary>
/// The render cache: one entry per rendered source under <c>.nuke/cache/rendered</c>, named by the key of everything the
/// render read (<see cref="RenderInputs"/>). An entry that cannot be read is dropped and rendered again, never trusted;
/// every write goes to a temporary file first and is renamed into place, so a build that stops half-way leaves no
/// half-written entry another build could read. Entries age by their file time, which a read refreshes: those no build
/// used for <see cref="MaxAge"/> are deleted when the cache is opened, and then the oldest until the cache holds at
/// most <see cref="MaxBytes"/>, so it never grows without bound.
/// </summary>
internal sealed class RenderCache
{
    /// <summary>How long an entry no build reads is kept.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    /// <summary>How much the entries may hold together.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    private const string EntrySuffix = ".entry";

    private readonly TimeProvider _clock;

    /// <summary>Creates the cache.</summary>
    /// <param name="directory">Where the entries are.</param>
    /// <param name="reuse">Whether entries are read; when false every source renders again and its entry is rewritten.</param>
    /// <param name="clock">The clock entries age by.</param>
    public RenderCache(string directory, bool reuse, TimeProvider? clock = null)
    {
        Directory = Path.GetFullPath(directory);
        Reuse = reuse;
        Tools = new ToolVersions(Directory);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Where the entries are.</summary>
    public string Directory { get; }

    /// <summary>Whether entries are read.</summary>
    public bool Reuse { get; }

    /// <summary>The versions of the tools, kept beside the entries.</summary>
    public ToolVersions Tools { get; }

    /// <summary>Opens the cache of a directory, deleting the entries it should no longer keep.</summary>
    /// <param name="directory">Where the entries are.</param>
    /// <param name="reuse">Whether entries are read.</param>
    /// <param name="clock">The clock entries age by.</param>
    /// <returns>The cache.</returns>
    public static RenderCache Open(string directory, bool reuse, TimeProvider clock)
    {
        var cache = new RenderCache(directory, reuse, clock);
        cache.Prune();
        return cache;
    }

    /// <summary>
    /// Deletes the entries no build read or wrote for <see cref="MaxAge"/>, then the oldest ones while all of them
    /// together hold more than <see cref="MaxBytes"/>. An entry that cannot be deleted stays (the next build tries again).
    /// </summary>
    public void Prune()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        FileInfo[] entries;
        try
        {
            entries = new DirectoryInfo(Directory).GetFiles("*" + EntrySuffix);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return; // a folder that cannot be listed is not pruned; reading and writing its entries say what is wrong
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var kept = new List<FileInfo>();
        foreach (var entry in entries)
        {
            if (now - entry.LastWriteTimeUtc > MaxAge)
            {
                TryDelete(entry.FullName);
            }
            else
            {
                kept.Add(entry);
            }
        }

        var total = kept.Sum(e => e.Length);
        foreach (var entry in kept.OrderBy(e => e.LastWriteTimeUtc).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            if (total <= MaxBytes)
            {
                break;
            }

            TryDelete(entry.FullName);
            total -= entry.Length;
        }
    }

    /// <summary>Writes a file through a temporary file in the same directory, renamed into place.</summary>
    public static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The entry of a key, when there is a whole one.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The source, or why the entry was dropped (null when there simply was none).</returns>
    public async Task<(RenderedSource? Source, string? Problem)> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var path = EntryPath(key);
        if (!Reuse || !File.Exists(path))
        {
            return (null, null);
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, $"the render cache entry {Path.GetFileName(path)} could not be read ({exception.Message}); rendered again");
        }

        if (RenderedSourceCodec.TryDecode(key, bytes, out var source, out var problem))
        {
            Touch(path);
            return (source, null);
        }

        TryDelete(path);
        return (null, $"the render cache entry {Path.GetFileName(path)} was dropped: {problem}; rendered again");
    }

    /// <summary>Stores a source under a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="source">What rendered.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>Null, or why the entry could not be written (the build goes on without it).</returns>
    public async Task<string?> StoreAsync(string key, RenderedSource source, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAtomicallyAsync(EntryPath(key), RenderedSourceCodec.Encode(key, source), cancellationToken).ConfigureAwait(false);
            Touch(EntryPath(key));
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"the render cache entry for {source.Name} could not be written ({exception.Message})";
        }
    }

    // A read entry is young again: what builds use is never pruned.
    private void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, _clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // An entry that keeps its old time is at worst rendered again after a month.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The next good render overwrites it.
        }
    }

    private string EntryPath(string key) => Path.Combine(Directory, key + EntrySuffix);
}

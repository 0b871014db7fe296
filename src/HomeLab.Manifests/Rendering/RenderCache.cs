namespace HomeLab.Manifests.Rendering;

/// <summary>
/// The render cache: one entry per rendered source under <c>.nuke/cache/rendered</c>, named by the key of everything the
/// render read (<see cref="RenderInputs"/>). An entry that cannot be read is dropped and rendered again, never trusted;
/// every write goes to a temporary file first and is renamed into place, so a build that stops half-way leaves no
/// half-written entry another build could read.
/// </summary>
internal sealed class RenderCache
{
    private const string EntrySuffix = ".entry";

    /// <summary>Creates the cache.</summary>
    /// <param name="directory">Where the entries are.</param>
    /// <param name="reuse">Whether entries are read; when false every source renders again and its entry is rewritten.</param>
    public RenderCache(string directory, bool reuse)
    {
        Directory = Path.GetFullPath(directory);
        Reuse = reuse;
        Tools = new ToolVersions(Directory);
    }

    /// <summary>Where the entries are.</summary>
    public string Directory { get; }

    /// <summary>Whether entries are read.</summary>
    public bool Reuse { get; }

    /// <summary>The versions of the tools, kept beside the entries.</summary>
    public ToolVersions Tools { get; }

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
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"the render cache entry for {source.Name} could not be written ({exception.Message})";
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

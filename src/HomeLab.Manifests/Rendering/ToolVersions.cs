using System.Globalization;
using System.Text.Json;
using HomeLab.Tools;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// What version of kubectl or helm renders, as part of every cache key. Asking a tool costs a process, so the answer is
/// kept in <c>tools.json</c> of the render cache under the binary's resolved path, size and modification time: a warm
/// build starts no tool at all, and a replaced binary is asked again.
/// </summary>
internal sealed class ToolVersions(string cacheDirectory)
{
    private readonly StartedOnce<string> _versions = new();
    private readonly SemaphoreSlim _file = new(1, 1);

    private string FilePath => Path.Combine(cacheDirectory, "tools.json");

    /// <summary>kubectl's version.</summary>
    public Task<string> OfAsync(Kubectl kubectl, CancellationToken cancellationToken) =>
        OfAsync(kubectl.ExecutablePath, () => kubectl.ExecuteAsync(["version", "--client", "-o", "json"], cancellationToken), cancellationToken);

    /// <summary>helm's version.</summary>
    public Task<string> OfAsync(Helm helm, CancellationToken cancellationToken) =>
        OfAsync(helm.ExecutablePath, () => helm.ExecuteAsync(["version"], cancellationToken), cancellationToken);

    /// <summary>The binary's identity on disk: its resolved path, size and modification time.</summary>
    public static string Stamp(string executable)
    {
        var file = new FileInfo(executable);
        if (file.Exists && file.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
        {
            file = target;
        }

        return file.Exists
            ? string.Create(CultureInfo.InvariantCulture, $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}")
            : executable;
    }

    private Task<string> OfAsync(string executable, Func<Task<ToolResult>> ask, CancellationToken cancellationToken)
    {
        var stamp = Stamp(executable);
        return _versions.GetOrStart(stamp, () => AskOnceAsync(stamp, ask, cancellationToken));
    }

    private async Task<string> AskOnceAsync(string stamp, Func<Task<ToolResult>> ask, CancellationToken cancellationToken)
    {
        if ((await ReadAsync(cancellationToken).ConfigureAwait(false)).TryGetValue(stamp, out var known))
        {
            return known;
        }

        var result = await ask().ConfigureAwait(false);

        // A tool that cannot say its version gets a key of its own that is never stored: its renders are not reused.
        var version = result.IsSuccess ? result.StandardOutput.Trim() : $"unknown {Guid.NewGuid():N}";
        if (result.IsSuccess)
        {
            await _file.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var versions = await ReadAsync(cancellationToken).ConfigureAwait(false);
                versions[stamp] = version;
                await RenderCache.WriteAtomicallyAsync(FilePath, JsonSerializer.SerializeToUtf8Bytes(versions, RenderCacheJson.Default.DictionaryStringString), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _file.Release();
            }
        }

        return version;
    }

    private async Task<Dictionary<string, string>> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(FilePath, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(bytes, RenderCacheJson.Default.DictionaryStringString) ?? new(StringComparer.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            return new(StringComparer.Ordinal); // Missing or damaged: ask the tools again.
        }
    }
}

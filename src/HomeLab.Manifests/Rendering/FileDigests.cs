using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// The SHA-256 of files a render reads, each computed once per file version: environments share most files (a base, a
/// chart), so one build hashes each file once. A file is known by its path, size and modification time, so an edit
/// between two renders with the same renderer is seen.
/// </summary>
internal sealed class FileDigests
{
    // Never part of what renders: version control, our own caches and build output.
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { ".git", ".nuke", "bin", "obj" };

    private readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> _digests = new();

    /// <summary>The file's digest as hex; <c>missing</c> when it does not exist.</summary>
    public string Of(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return "missing";
        }

        return _digests.GetOrAdd((file.FullName, file.Length, file.LastWriteTimeUtc), static key =>
        {
            using var stream = new FileStream(key.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }

    /// <summary>Every file below a directory (version control and build output left out), in a stable order.</summary>
    public static IEnumerable<string> FilesBelow(string directory)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(directory));
        var found = new List<string>();
        while (pending.TryPop(out var current))
        {
            found.AddRange(Directory.EnumerateFiles(current));
            foreach (var child in Directory.EnumerateDirectories(current))
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        foreach (var file in found)
        {
            yield return file;
        }
    }
}

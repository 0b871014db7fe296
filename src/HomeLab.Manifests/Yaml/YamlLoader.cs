using System.Buffers;
using System.Text;
using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Yaml;

/// <summary>
/// Reads YAML (and JSON, which is YAML) into source-positioned <see cref="YamlNode"/> trees: one loader for every
/// YAML file. Streams of several documents split at <c>---</c>; empty documents are skipped; anchors and aliases
/// are resolved (an alias shares the anchored node, with the anchor's span) and <c>&lt;&lt;</c> merge keys applied.
/// Mistakes in the text — bad syntax, duplicate keys, tabs, unknown aliases — come back as
/// <see cref="Finding"/>s with a line, never as exceptions. Thread-safe: one instance serves every caller.
/// </summary>
public sealed class YamlLoader
{
    /// <summary>A loader that accepts any YAML document.</summary>
    public static YamlLoader Default { get; } = new();

    /// <summary>A loader for Kubernetes manifests: every document must be a mapping.</summary>
    public static YamlLoader Manifests { get; } = new() { RequireMappings = true };

    /// <summary>Whether a document that is not a mapping is reported (and left out).</summary>
    public bool RequireMappings { get; init; }

    /// <summary>How deep mappings and lists may nest before the document is rejected.</summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>The largest file read, in bytes; a larger file is a finding and is not read.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// How many nodes aliases may add to one document before it is rejected (a "billion laughs" document expands
    /// a few lines into billions of nodes). Aliases may always add ten times the document's own nodes. The one such
    /// limit of the repository: manifests, assertion files, Chainsaw tests and <c>parse_yaml</c> are all read here,
    /// and what is built from the nodes (assertion trees, JSON) relies on it.
    /// </summary>
    public long MaxAliasExpansion { get; init; } = 1_000_000;

    /// <summary>
    /// Whether every text is read by the full YAML reader, never by the fast reader of the common block style. Both
    /// build the same nodes; this is for comparing them.
    /// </summary>
    internal bool FullReaderOnly { get; init; }

    // YAML allows tab, line feed, carriage return and NEL among the control characters; anything else is binary.
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not (0x09 or 0x0A or 0x0D)).Select(c => (char)c), '\u007F',
         .. Enumerable.Range(0x80, 0x20).Where(c => c != 0x85).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file.</summary>
    /// <param name="path">The file; it is also the name spans carry.</param>
    /// <returns>The documents and findings; a file that cannot be read is a finding too.</returns>
    public YamlLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[]? buffer = null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            if (!stream.CanSeek)
            {
                // A FileStream opened for synchronous reads completes each read at once: this does not block on a task.
                return LoadStreamAsync(stream, path).GetAwaiter().GetResult();
            }

            if (TooLarge(path, stream.Length) is { } tooLarge)
            {
                return tooLarge;
            }

            buffer = Rent(stream.Length);
            var read = 0;
            while (read < stream.Length && stream.Read(buffer, read, (int)stream.Length - read) is var count and > 0)
            {
                read += count;
            }

            return LoadBytes(buffer.AsSpan(0, read), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, ex);
        }
        finally
        {
            Return(buffer);
        }
    }

    /// <summary>Reads a file without blocking on the disk.</summary>
    /// <param name="path">The file; it is also the name spans carry.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The documents and findings; a file that cannot be read is a finding too.</returns>
    public async Task<YamlLoadResult> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[]? buffer = null;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
            if (!stream.CanSeek)
            {
                return await LoadStreamAsync(stream, path, cancellationToken).ConfigureAwait(false);
            }

            if (TooLarge(path, stream.Length) is { } tooLarge)
            {
                return tooLarge;
            }

            buffer = Rent(stream.Length);
            var read = 0;
            while (read < stream.Length && await stream.ReadAsync(buffer.AsMemory(read, (int)stream.Length - read), cancellationToken).ConfigureAwait(false) is var count and > 0)
            {
                read += count;
            }

            return LoadBytes(buffer.AsSpan(0, read), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, ex);
        }
        finally
        {
            Return(buffer);
        }
    }

    /// <summary>
    /// Reads YAML from bytes as Kubernetes does: UTF-8 (a byte order mark is dropped; UTF-16 with a byte order mark
    /// is read too). Bytes that are not UTF-8 and control characters YAML does not allow are findings at their line.
    /// </summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="displayName">The name spans carry.</param>
    /// <returns>The documents and findings.</returns>
    public YamlLoadResult LoadBytes(ReadOnlySpan<byte> bytes, string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes[2..]);
        }
        else
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return NotUtf8(bytes, displayName);
            }
        }

        return LoadString(text, displayName);
    }

    /// <summary>Reads YAML text.</summary>
    /// <param name="text">The YAML or JSON.</param>
    /// <param name="displayName">The name spans carry, such as a file path or <c>kustomize build apps/</c>.</param>
    /// <returns>The documents and findings.</returns>
    public YamlLoadResult LoadString(string text, string displayName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(displayName);
        if (text.AsSpan().IndexOfAny(ControlCharacters) is var control and >= 0)
        {
            var (line, column) = LineAndColumn(text, control);
            return Rejected(displayName, new Finding(YamlRuleIds.ControlCharacter, Severity.Error, $"the text holds the control character U+{(int)text[control]:X4}, which YAML does not allow: this looks like a binary file")
            {
                Span = new SourceSpan(displayName, line, column, line, column + 1),
                Hint = "check that this is the YAML file you meant; write control characters as \\u escapes inside double quotes",
            });
        }

        if (text.Length > YamlNode.MaxOffset)
        {
            return Rejected(displayName, new Finding(YamlRuleIds.TooLarge, Severity.Error, $"the text is {text.Length / (1024 * 1024)} Mi characters, more than the {YamlNode.MaxOffset / (1024 * 1024)} Mi read at most")
            {
                Span = new SourceSpan(displayName, 0, 0, 0, 0),
                Hint = "split it into smaller files, or check that it is a manifest at all",
            });
        }

        text = YamlEventReader.WithEmptyLeadingBlockLines(text);
        var lines = new SourceLines(displayName, text);
        if (!FullReaderOnly && YamlBlockReader.TryRead(text, lines, MaxDepth, out var documents))
        {
            return new YamlLoadResult(displayName, documents, []);
        }

        return new YamlEventReader(text, lines, this).Read();
    }

    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var before = text.AsSpan(0, index);
        var lastBreak = before.LastIndexOf('\n');
        return (before.Count('\n') + 1, index - lastBreak);
    }

    private static YamlLoadResult Rejected(string file, Finding finding) => new(file, [], [finding]);

    private static YamlLoadResult Unreadable(string path, Exception ex) => Rejected(
        path,
        new Finding(YamlRuleIds.UnreadableFile, Severity.Error, $"cannot read the file: {ex.Message}")
        {
            Span = new SourceSpan(path, 0, 0, 0, 0),
            Hint = ex is UnauthorizedAccessException ? "check the file's permissions" : "check that the path exists and is readable",
        });

    // Larger files get an array of their own, so the pool never keeps a large one.
    private const int PooledBytes = 1024 * 1024;

    private static byte[] Rent(long length) => length <= PooledBytes ? ArrayPool<byte>.Shared.Rent((int)length) : new byte[length];

    private static void Return(byte[]? buffer)
    {
        if (buffer is { Length: <= PooledBytes })
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads a stream to its end — standard input, or a pipe such as <c>&lt;(kustomize build .)</c>, whose length is
    /// unknown — but no further than <see cref="MaxFileBytes"/>: past it, a finding and no documents.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="displayName">The name spans carry.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The documents and findings.</returns>
    public async Task<YamlLoadResult> LoadStreamAsync(Stream stream, string displayName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(displayName);
        using var content = new MemoryStream();
        var chunk = new byte[81920];
        int count;
        while ((count = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (content.Length + count > MaxFileBytes)
            {
                return Rejected(displayName, new Finding(YamlRuleIds.TooLarge, Severity.Error, $"{displayName} holds more than the {MaxFileBytes / (1024 * 1024)} MiB read at most")
                {
                    Span = new SourceSpan(displayName, 0, 0, 0, 0),
                    Hint = "check fewer manifests at a time, or check that it is a manifest at all",
                });
            }

            content.Write(chunk, 0, count);
        }

        return LoadBytes(content.GetBuffer().AsSpan(0, (int)content.Length), displayName);
    }

    private YamlLoadResult? TooLarge(string path, long length)
    {
        return length <= MaxFileBytes ? null : Rejected(
            path,
            new Finding(YamlRuleIds.TooLarge, Severity.Error, $"the file is {length / (1024 * 1024)} MiB, more than the {MaxFileBytes / (1024 * 1024)} MiB read at most")
            {
                Span = new SourceSpan(path, 0, 0, 0, 0),
                Hint = "split it into smaller files, or check that it is a manifest at all",
            });
    }

    private static YamlLoadResult NotUtf8(ReadOnlySpan<byte> bytes, string file)
    {
        // Find the first bad byte: decode growing prefixes would be quadratic, so walk UTF-8 sequences directly.
        var line = 1;
        var column = 1;
        var i = 0;
        while (i < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[i..], out var rune, out var consumed);
            if (status != OperationStatus.Done)
            {
                break;
            }

            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + 1);
            i += consumed;
        }

        return Rejected(file, new Finding(YamlRuleIds.InvalidEncoding, Severity.Error, $"the file is not UTF-8: byte 0x{bytes[Math.Min(i, bytes.Length - 1)]:X2} at offset {i} cannot be read")
        {
            Span = new SourceSpan(file, line, column, line, column + 1),
            Hint = "save the file as UTF-8 (Kubernetes and kustomize read nothing else)",
        });
    }
}

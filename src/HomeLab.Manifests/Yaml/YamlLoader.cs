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

    /// <summary>Reads a file.</summary>
    /// <param name="path">The file; it is also the name spans carry.</param>
    /// <returns>The documents and findings; a file that cannot be read is a finding too.</returns>
    public YamlLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, ex);
        }

        return LoadString(text, path);
    }

    /// <summary>Reads a file without blocking on the disk.</summary>
    /// <param name="path">The file; it is also the name spans carry.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The documents and findings; a file that cannot be read is a finding too.</returns>
    public async Task<YamlLoadResult> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, ex);
        }

        return LoadString(text, path);
    }

    /// <summary>Reads YAML text.</summary>
    /// <param name="text">The YAML or JSON.</param>
    /// <param name="displayName">The name spans carry, such as a file path or <c>kustomize build apps/</c>.</param>
    /// <returns>The documents and findings.</returns>
    public YamlLoadResult LoadString(string text, string displayName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(displayName);
        var reader = new YamlEventReader(text, displayName, this);
        return reader.Read();
    }

    private static YamlLoadResult Unreadable(string path, Exception ex) => new(
        path,
        [],
        [
            new Finding(YamlRuleIds.UnreadableFile, Severity.Error, $"cannot read the file: {ex.Message}")
            {
                Span = new SourceSpan(path, 0, 0, 0, 0),
                Hint = "check that the path exists and is readable",
            },
        ]);
}

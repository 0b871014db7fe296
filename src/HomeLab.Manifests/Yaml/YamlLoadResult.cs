using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Yaml;

/// <summary>What <see cref="YamlLoader"/> read from one file or string: its documents and the problems found.</summary>
public sealed class YamlLoadResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="file">The file path or display name.</param>
    /// <param name="documents">The non-empty documents read, in order.</param>
    /// <param name="findings">The problems found, in order.</param>
    public YamlLoadResult(string file, IReadOnlyList<YamlDocument> documents, IReadOnlyList<Finding> findings)
    {
        File = file;
        Documents = documents;
        Findings = findings;
    }

    /// <summary>The file path or display name.</summary>
    public string File { get; }

    /// <summary>The non-empty documents read, in order. After a syntax error, the documents before it.</summary>
    public IReadOnlyList<YamlDocument> Documents { get; }

    /// <summary>The problems found, in order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Whether any finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

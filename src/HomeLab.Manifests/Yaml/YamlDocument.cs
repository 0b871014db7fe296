namespace HomeLab.Manifests.Yaml;

/// <summary>One document of a YAML stream (the text between <c>---</c> markers).</summary>
/// <param name="Root">The document's content.</param>
/// <param name="Index">The 0-based position of the document in its file, counting empty documents too.</param>
/// <param name="Span">Where the document was written.</param>
public sealed record YamlDocument(YamlNode Root, int Index, SourceSpan Span)
{
    /// <summary>The file path or display name the document was loaded from.</summary>
    public string File => Span.File;
}

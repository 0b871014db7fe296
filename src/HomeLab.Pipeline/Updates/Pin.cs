namespace HomeLab.Pipeline.Updates;

/// <summary>One pinned version in the tree: what it pins, to which version, and where it is written.</summary>
/// <param name="Kind">What it pins.</param>
/// <param name="Name">The chart, image, action or tool.</param>
/// <param name="Version">The pinned version, as written.</param>
/// <param name="File">The file, relative to the repository root, with forward slashes.</param>
/// <param name="Line">The 1-based line the version is written on.</param>
public sealed record Pin(PinKind Kind, string Name, string Version, string File, int Line)
{
    /// <summary>Renders the pin as <c>file:line: name version</c>.</summary>
    /// <returns>The rendered pin.</returns>
    public override string ToString() => $"{File}:{Line}: {Name} {Version}";
}

namespace HomeLab.Manifests.Yaml;

/// <summary>A span given in code (a rebuilt or moved tree): the same whatever the offsets.</summary>
/// <param name="span">The span.</param>
internal sealed class FixedSpan(SourceSpan span) : SpanOrigin
{
    /// <inheritdoc />
    public override SourceSpan Span(int start, int end) => span;
}

namespace HomeLab.Manifests.Yaml;

/// <summary>
/// Where the nodes of a tree came from, kept small: a loaded node holds its origin and two character offsets, and the
/// line and column of <see cref="YamlNode.Span"/> are worked out only when asked for. A node built in code with a span
/// of its own holds that span in a <see cref="FixedSpan"/> instead.
/// </summary>
internal abstract class SpanOrigin
{
    /// <summary>The span of a range of characters.</summary>
    /// <param name="start">The offset of the first character.</param>
    /// <param name="end">The offset just after the last character.</param>
    /// <returns>The span.</returns>
    public abstract SourceSpan Span(int start, int end);

    /// <summary>The origin that stands for a span given in code; null for <see cref="SourceSpan.None"/>.</summary>
    /// <param name="span">The span.</param>
    /// <returns>The origin, or null.</returns>
    public static SpanOrigin? Of(SourceSpan? span) => span is { } known && known != SourceSpan.None ? new FixedSpan(known) : null;
}

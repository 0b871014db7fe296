using System.Buffers;

namespace HomeLab.Manifests.Yaml;

/// <summary>
/// One loaded text's name and where its lines start, so a node keeps only character offsets. Lines break where the
/// YAML 1.1 reader breaks them: at CR LF, CR, LF, NEL, LS and PS; columns count UTF-16 characters from 1.
/// </summary>
internal sealed class SourceLines : SpanOrigin
{
    private static readonly SearchValues<char> BreakCharacters = SearchValues.Create("\r\n\u0085\u2028\u2029");

    // The offset of each line's first character, line 1 first.
    private readonly int[] _starts;

    /// <summary>Finds the lines of a text; the text itself is not kept.</summary>
    /// <param name="file">The name spans carry.</param>
    /// <param name="text">The text.</param>
    public SourceLines(string file, ReadOnlySpan<char> text)
    {
        File = file;
        _starts = new int[1 + Breaks(text, null)];
        Breaks(text, _starts);
    }

    // Counts the line breaks, and writes where each following line starts when given where.
    private static int Breaks(ReadOnlySpan<char> text, int[]? starts)
    {
        var count = 0;
        var offset = 0;
        while (text[offset..].IndexOfAny(BreakCharacters) is var found and >= 0)
        {
            var at = offset + found;
            offset = at + (text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1);
            count++;
            if (starts is not null)
            {
                starts[count] = offset;
            }
        }

        return count;
    }

    /// <summary>The name spans carry.</summary>
    public string File { get; }

    /// <inheritdoc />
    public override SourceSpan Span(int start, int end)
    {
        var (line, column) = Position(start);
        var (endLine, endColumn) = Position(end);
        return new SourceSpan(File, line, column, endLine, endColumn);
    }

    /// <summary>The 1-based line and column of an offset.</summary>
    /// <param name="offset">The offset.</param>
    /// <returns>The line and column.</returns>
    public (int Line, int Column) Position(int offset)
    {
        var index = Array.BinarySearch(_starts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _starts[line] + 1);
    }
}

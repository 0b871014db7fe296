using System.Globalization;
using System.Text;

namespace HomeLab.Manifests.Reporting;

/// <summary>
/// Text from the files being checked, made safe to print: control characters (which could clear a terminal or hide
/// text) and bidirectional overrides are shown as <c>\u{1B}</c>, and long text is cut to a window, so that a finding
/// on a 5 MB line prints a line, not 5 MB.
/// </summary>
internal static class TerminalText
{
    /// <summary>How many characters of a message or hint are shown.</summary>
    public const int MaxMessage = 400;

    /// <summary>How many characters of a source line are shown.</summary>
    public const int MaxSourceLine = 160;

    /// <summary>The text with unsafe characters escaped, cut after <paramref name="max"/> characters.</summary>
    public static string Safe(string text, int max = MaxMessage)
    {
        if (text.Length <= max && !text.AsSpan().ContainsAnyInRange('\0', '\u001F') && !NeedsEscape(text))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, max) + 32);
        var shown = Math.Min(text.Length, max);
        foreach (var c in text.AsSpan(0, shown))
        {
            Append(builder, c, keepTabs: false);
        }

        if (shown < text.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({text.Length - shown:N0} more characters)");
        }

        return builder.ToString();
    }

    /// <summary>
    /// A window of a source line around a range of columns, escaped, and where in the shown text the range falls.
    /// Tabs are kept, so a caret line padded with the same tabs lines up.
    /// </summary>
    /// <param name="line">The source line.</param>
    /// <param name="column">The 1-based column the range starts at.</param>
    /// <param name="width">The range's width in characters (at least 1).</param>
    /// <returns>The text to show, the 0-based index the range starts at in it, and the range's shown width.</returns>
    public static (string Text, int Start, int Width) Window(string line, int column, int width)
    {
        var start = Math.Clamp(column - 1, 0, line.Length);
        var from = line.Length <= MaxSourceLine ? 0 : Math.Clamp(start - (MaxSourceLine / 3), 0, line.Length);
        var to = Math.Min(line.Length, from + MaxSourceLine);
        var builder = new StringBuilder(to - from + 16);
        if (from > 0)
        {
            builder.Append('…');
        }

        int shownStart = -1, shownEnd = -1;
        var end = Math.Min(start + Math.Max(1, width), to);
        for (var i = from; i < to; i++)
        {
            if (i == start)
            {
                shownStart = builder.Length;
            }

            if (i == end)
            {
                shownEnd = builder.Length;
            }

            Append(builder, line[i], keepTabs: true);
        }

        if (shownStart < 0)
        {
            shownStart = builder.Length;
        }

        if (shownEnd < 0)
        {
            shownEnd = builder.Length;
        }

        if (to < line.Length)
        {
            builder.Append('…');
        }

        return (builder.ToString(), shownStart, Math.Max(1, shownEnd - shownStart));
    }

    private static bool NeedsEscape(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnsafe(char c) =>
        c < ' ' || c is '\u007F' or (>= '\u0080' and <= '\u009F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static void Append(StringBuilder builder, char c, bool keepTabs)
    {
        if (c == '\t' && keepTabs)
        {
            builder.Append(c);
        }
        else if (c == '\t')
        {
            builder.Append(' ');
        }
        else if (IsUnsafe(c))
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\u{{{(int)c:X}}}");
        }
        else
        {
            builder.Append(c);
        }
    }
}

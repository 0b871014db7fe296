using System.Globalization;
using System.Text;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>
/// Times as Go's <c>time</c> package reads and writes them for kyverno's <c>time_*</c> functions: Go layouts
/// (<c>2006-01-02</c>, <c>01/02/2006 15:04</c>) and RFC 3339 (the layout when none is given).
/// </summary>
internal static class GoTime
{
    /// <summary>Go's <c>time.RFC3339</c> layout.</summary>
    public const string Rfc3339Layout = "2006-01-02T15:04:05Z07:00";

    // Longest first, so "2006" wins over "2" and "January" over "Jan".
    private static readonly (string Go, string Net)[] s_tokens =
    [
        ("January", "MMMM"), ("Monday", "dddd"), ("2006", "yyyy"), ("Z07:00", "K"), ("-07:00", "zzz"), ("-0700", "zz00"),
        ("Jan", "MMM"), ("Mon", "ddd"), ("MST", "'UTC'"), (".000000000", ".fffffff"), (".000000", ".ffffff"), (".000", ".fff"),
        (".999999999", ".FFFFFFF"), (".999999", ".FFFFFF"), (".999", ".FFF"), ("-07", "zz"), ("01", "MM"), ("02", "dd"),
        ("_2", "%d"), ("03", "hh"), ("04", "mm"), ("05", "ss"), ("06", "yy"), ("15", "HH"), ("PM", "tt"), ("pm", "tt"), ("1", "%M"),
        ("2", "%d"), ("3", "%h"), ("4", "%m"), ("5", "%s"),
    ];

    /// <summary>Parses a time written in a Go layout; an empty layout is RFC 3339. A time without a zone is UTC.</summary>
    /// <exception cref="ExpressionException">The text does not fit the layout.</exception>
    public static DateTimeOffset Parse(string layout, string text, string function)
    {
        if (layout.Length == 0 || layout == Rfc3339Layout || layout == "2006-01-02T15:04:05.999999999Z07:00")
        {
            if (text.Length >= 20 && text[10] is 'T' or 't'
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rfc))
            {
                return rfc;
            }

            throw new ExpressionException($"{function}: cannot parse '{text}' as RFC 3339 (2006-01-02T15:04:05Z07:00)");
        }

        var format = ToNetFormat(layout);
        if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return parsed;
        }

        throw new ExpressionException($"{function}: cannot parse '{text}' with layout '{layout}'");
    }

    /// <summary>Writes a time as Go's <c>Format(time.RFC3339)</c>: <c>Z</c> for UTC, otherwise the offset.</summary>
    public static string Rfc3339(DateTimeOffset time) => time.Offset == TimeSpan.Zero
        ? time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string ToNetFormat(string layout)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < layout.Length;)
        {
            var token = s_tokens.FirstOrDefault(t => string.CompareOrdinal(layout, i, t.Go, 0, t.Go.Length) == 0);
            if (token.Go is not null)
            {
                // A one-letter .NET specifier alone is a standard format: the % makes it custom; inside a longer format it is dropped.
                builder.Append(token.Net.StartsWith('%') ? token.Net[1..] : token.Net);
                i += token.Go.Length;
                continue;
            }

            var c = layout[i++];
            builder.Append(char.IsAsciiLetter(c) || c is '\\' or '\'' or '"' or '%' or ':' or '/' ? "\\" + c : c.ToString());
        }

        var format = builder.ToString();
        return format.Length == 1 ? "%" + format : format;
    }
}

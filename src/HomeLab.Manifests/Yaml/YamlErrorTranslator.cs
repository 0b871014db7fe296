using HomeLab.Manifests.Findings;
using YamlDotNet.Core;

namespace HomeLab.Manifests.Yaml;

/// <summary>Turns YamlDotNet's parser errors into findings in plain words.</summary>
internal static class YamlErrorTranslator
{
    // (fragment of YamlDotNet's message, our message, hint) — first match wins.
    private static readonly (string Fragment, string Message, string Hint)[] Known =
    [
        ("found invalid mapping", "a ': ' appears where a value was expected, or this line is indented more than the key above it", "check this line's indentation; quote a value that contains ': '"),
        ("did not find expected key", "a key was expected here, but the indentation or a special character got in the way", "check that keys of one mapping line up, and quote values that start with a character such as @, `, [ or {"),
        ("did not find expected '-' indicator", "a list item (a line starting with '- ') was expected here", "check that this line lines up with the list above it"),
        ("did not find expected ',' or ']'", "a [ list ] is not closed", "add the closing ] or quote the value"),
        ("did not find expected ',' or '}'", "a { mapping } is not closed", "add the closing } or quote the value"),
        ("quoted scalar, found unexpected end of stream", "a quoted string is never closed", "add the closing quote"),
        ("found unexpected end of stream", "the text ends in the middle of a value", "close the open quote, bracket or brace"),
        ("cannot start any token", "a character here cannot start a value", "quote the value (values starting with @ or ` must be quoted)"),
        ("did not find expected <document start>", "more content follows a complete document", "separate documents with a line of ---, or fix the indentation"),
        ("did not find expected node content", "a value was expected here", "check for a stray -, : or , character"),
        ("found undefined tag handle", "a !tag uses a prefix that is not declared", "remove the tag or quote the value"),
        ("found unknown escape character", "a double-quoted string contains an unknown \\ escape", "write \\\\ for a backslash, or use single quotes"),
        ("found incompatible YAML document", "the %YAML directive names a version this loader cannot read", "remove the %YAML line"),
    ];

    public static Finding Translate(YamlException ex, string text, string file, int documentLine)
    {
        var message = ex.Message;
        var tab = message.Contains("tab", StringComparison.OrdinalIgnoreCase)
            ? FindTabIndentation(text, documentLine, int.MaxValue)
            : FindTabIndentation(text, (int)Math.Max(1, ex.Start.Line - 1), (int)ex.End.Line);
        if (tab is var (line, column))
        {
            return new Finding(YamlRuleIds.TabIndentation, Severity.Error, "a tab is used to indent this line")
            {
                Span = new SourceSpan(file, line, column, line, column + 1),
                Hint = "YAML indents with spaces only: replace the tab with spaces",
            };
        }

        foreach (var (fragment, plain, hint) in Known)
        {
            if (message.Contains(fragment, StringComparison.Ordinal))
            {
                return Syntax(file, ex.Start, plain, hint);
            }
        }

        // Unknown wording: keep YamlDotNet's words, without its "While scanning X," preamble.
        var comma = message.IndexOf(", ", StringComparison.Ordinal);
        var rest = message.StartsWith("While ", StringComparison.Ordinal) && comma > 0 ? message[(comma + 2)..] : message;
        return Syntax(file, ex.Start, $"the YAML is malformed: {rest.TrimEnd('.')}", "check the syntax on this line and the one above it");
    }

    public static Finding Malformed(string file, Mark at) => Syntax(
        file,
        at,
        "the YAML is malformed here and cannot be read further",
        "look for an unclosed [ ], { } or quote on this line or the ones before it");

    private static Finding Syntax(string file, Mark at, string message, string hint) => new(YamlRuleIds.Syntax, Severity.Error, message)
    {
        Span = new SourceSpan(file, (int)at.Line, (int)at.Column, (int)at.Line, (int)at.Column),
        Hint = hint,
    };

    // The first line in [from, to] whose indentation holds a tab. YamlDotNet often reports a tab far from where it
    // is (even at 1:1), so when its message names a tab the search covers the rest of the failing document.
    private static (int Line, int Column)? FindTabIndentation(string text, int from, int to)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length && line <= to)
        {
            if (line >= from)
            {
                for (var j = i; j < text.Length && text[j] is ' ' or '\t'; j++)
                {
                    if (text[j] == '\t' && j + 1 < text.Length && text[j + 1] is not ('\n' or '\r'))
                    {
                        return (line, j - i + 1);
                    }
                }
            }

            var next = text.IndexOf('\n', i);
            if (next < 0)
            {
                break;
            }

            i = next + 1;
            line++;
        }

        return null;
    }
}

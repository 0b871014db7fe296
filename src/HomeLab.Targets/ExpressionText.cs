using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace HomeLab.Targets;

/// <summary>Readable text of a condition expression, for skip reasons and requirement messages.</summary>
internal static partial class ExpressionText
{
    public static string Of(Expression expression)
    {
        var text = expression.ToString();
        // Closure access reads as value(Build+<>c__DisplayClass).field or value(Build).Member: keep the member.
        text = ClosurePrefix().Replace(text, string.Empty);
        text = text.Replace("AndAlso", "&&", StringComparison.Ordinal).Replace("OrElse", "||", StringComparison.Ordinal);
        text = text.Replace("Not(", "!(", StringComparison.Ordinal);
        return text.StartsWith('(') && text.EndsWith(')') && Balanced(text[1..^1]) ? text[1..^1] : text;
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    [GeneratedRegex(@"value\([^()]*\)\.")]
    private static partial Regex ClosurePrefix();
}

using System.Security.Cryptography;
using System.Text;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>
/// kyverno's <c>random(pattern)</c>: a string matching a small regular expression — literals, escapes
/// (<c>\d</c>, <c>\w</c>), classes (<c>[a-z0-9]</c>), <c>.</c>, and the counts <c>{n}</c>, <c>{n,m}</c>, <c>?</c>,
/// <c>*</c>, <c>+</c> (at most 10 repeats for open counts).
/// </summary>
internal static class RandomText
{
    private const string Digits = "0123456789";
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string Generate(string pattern)
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] is '^' or '$')
            {
                i++;
                continue;
            }

            var choices = Atom(pattern, ref i);
            var (min, max) = Count(pattern, ref i);
            var n = min == max ? min : RandomNumberGenerator.GetInt32(min, max + 1);
            for (var k = 0; k < n; k++)
            {
                builder.Append(choices[RandomNumberGenerator.GetInt32(choices.Length)]);
            }
        }

        return builder.ToString();
    }

    private static string Atom(string pattern, ref int i)
    {
        var c = pattern[i++];
        switch (c)
        {
            case '.':
                return Letters + Digits;
            case '\\' when i < pattern.Length:
                return Escape(pattern[i++]);
            case '[':
                var set = new StringBuilder();
                while (i < pattern.Length && pattern[i] != ']')
                {
                    var from = pattern[i] == '\\' && i + 1 < pattern.Length ? Escape(pattern[++i]) : pattern[i].ToString();
                    i++;
                    if (from.Length == 1 && i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
                    {
                        for (var x = from[0]; x <= pattern[i + 1]; x++)
                        {
                            set.Append(x);
                        }

                        i += 2;
                    }
                    else
                    {
                        set.Append(from);
                    }
                }

                i++;
                return set.Length > 0 ? set.ToString() : throw new ExpressionException("random: an empty character class");
            default:
                return c.ToString();
        }
    }

    private static string Escape(char c) => c switch
    {
        'd' => Digits,
        'w' => Letters + Digits + "_",
        's' => " ",
        _ => c.ToString(),
    };

    private static (int Min, int Max) Count(string pattern, ref int i)
    {
        if (i >= pattern.Length)
        {
            return (1, 1);
        }

        switch (pattern[i])
        {
            case '?':
                i++;
                return (0, 1);
            case '*':
                i++;
                return (0, 10);
            case '+':
                i++;
                return (1, 10);
            case '{':
                var end = pattern.IndexOf('}', i);
                if (end < 0)
                {
                    return (1, 1);
                }

                var parts = pattern[(i + 1)..end].Split(',');
                i = end + 1;
                if (!int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var min) || min is < 0 or > 10_000)
                {
                    throw new ExpressionException($"random: '{pattern}' has a count it cannot read");
                }

                var max = parts.Length == 1 ? min : parts[1].Length == 0 ? min + 10 : int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var m) && m <= 10_000 ? m : min;
                return (min, Math.Max(min, max));
            default:
                return (1, 1);
        }
    }
}

using System.Globalization;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>Semantic versions and ranges for <c>semver_compare</c>: <c>&gt;=1.2.0 &lt;2.0.0 || 3.x</c>-style ranges, as Kyverno reads them.</summary>
internal readonly record struct SemanticVersion(long Major, long Minor, long Patch, string PreRelease) : IComparable<SemanticVersion>
{
    public static SemanticVersion Parse(string text)
    {
        var s = text.Trim().TrimStart('v', 'V');
        var plus = s.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            s = s[..plus];
        }

        var dash = s.IndexOf('-', StringComparison.Ordinal);
        var pre = dash >= 0 ? s[(dash + 1)..] : string.Empty;
        var core = (dash >= 0 ? s[..dash] : s).Split('.');
        if (core.Length is < 1 or > 3 || !core.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            throw new ExpressionException($"semver_compare: '{text}' is not a semantic version");
        }

        long Part(int i) => i < core.Length ? long.Parse(core[i], CultureInfo.InvariantCulture) : 0;
        return new SemanticVersion(Part(0), Part(1), Part(2), pre);
    }

    public static bool Satisfies(string version, string range)
    {
        var v = Parse(version);
        return range.Split("||").Any(alternative => alternative
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(comparator => Check(v, comparator)));
    }

    public int CompareTo(SemanticVersion other)
    {
        var c = Major.CompareTo(other.Major);
        c = c != 0 ? c : Minor.CompareTo(other.Minor);
        c = c != 0 ? c : Patch.CompareTo(other.Patch);
        if (c != 0 || PreRelease == other.PreRelease)
        {
            return c;
        }

        // A release sorts after its pre-releases; pre-release identifiers compare numerically where numeric.
        if (PreRelease.Length == 0 || other.PreRelease.Length == 0)
        {
            return PreRelease.Length == 0 ? 1 : -1;
        }

        var a = PreRelease.Split('.');
        var b = other.PreRelease.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var an = long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var ai);
            var bn = long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var bi);
            c = an && bn ? ai.CompareTo(bi) : an ? -1 : bn ? 1 : string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static bool Check(SemanticVersion v, string comparator)
    {
        var op = new string(comparator.TakeWhile(ch => ch is '<' or '>' or '=' or '!').ToArray());
        var c = v.CompareTo(Parse(comparator[op.Length..]));
        return op switch
        {
            "" or "=" or "==" => c == 0,
            "!=" or "!" => c != 0,
            ">" => c > 0,
            ">=" => c >= 0,
            "<" => c < 0,
            "<=" => c <= 0,
            _ => throw new ExpressionException($"semver_compare: unknown operator '{op}'"),
        };
    }
}

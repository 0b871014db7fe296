namespace HomeLab.Shared;

/// <summary>
/// How many single-character edits (insert, delete, replace, or swap of two neighbours) turn one name into another:
/// the "did you mean" of every message that names a target, parameter, rule or field.
/// </summary>
/// <remarks>
/// The one copy, compiled into each project that suggests names (<c>&lt;Compile Include="..\Shared\EditDistance.cs" /&gt;</c>):
/// HomeLab.Targets depends on no other project of ours and the libraries never depend on the engine, so no project could hold it for both.
/// </remarks>
internal static class EditDistance
{
    /// <summary>The optimal string alignment distance between two names.</summary>
    /// <param name="a">One name.</param>
    /// <param name="b">The other.</param>
    /// <param name="ignoreCase">Whether a difference of case is no edit.</param>
    /// <returns>The number of edits.</returns>
    public static int Between(string a, string b, bool ignoreCase = false)
    {
        // Three rows of the matrix: the one before the previous is what a swap looks back to.
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1], ignoreCase) ? 0 : 1;
                var best = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2], ignoreCase) && Same(a[i - 2], b[j - 1], ignoreCase))
                {
                    best = Math.Min(best, beforePrevious[j - 2] + 1);
                }

                current[j] = best;
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }

    private static bool Same(char x, char y, bool ignoreCase) => x == y || (ignoreCase && char.ToLowerInvariant(x) == char.ToLowerInvariant(y));
}

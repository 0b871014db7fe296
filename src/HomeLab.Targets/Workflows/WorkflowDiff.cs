using System.Text;

namespace HomeLab.Targets.Workflows;

/// <summary>A line diff of a committed file against what the build generates, in unified style (<c>-</c> committed, <c>+</c> generated).</summary>
public static class WorkflowDiff
{
    /// <summary>The changed lines with two lines of context around each change; empty when the texts are equal.</summary>
    /// <param name="fileName">The file, for the header lines.</param>
    /// <param name="committed">What is on disk.</param>
    /// <param name="generated">What the build generates.</param>
    /// <returns>The diff.</returns>
    public static string Of(string fileName, string committed, string generated)
    {
        ArgumentNullException.ThrowIfNull(committed);
        ArgumentNullException.ThrowIfNull(generated);
        if (committed == generated)
        {
            return string.Empty;
        }

        var before = committed.Split('\n');
        var after = generated.Split('\n');

        // Longest common subsequence table from the end, so the walk below goes forward.
        var common = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, string Text, int Line)>();
        int a = 0, b = 0;
        while (a < before.Length || b < after.Length)
        {
            if (a < before.Length && b < after.Length && before[a] == after[b])
            {
                lines.Add((' ', before[a], a + 1));
                a++;
                b++;
            }
            else if (a < before.Length && (b == after.Length || common[a + 1, b] >= common[a, b + 1]))
            {
                lines.Add(('-', before[a], a + 1));
                a++;
            }
            else
            {
                lines.Add(('+', after[b], a + 1));
                b++;
            }
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(fileName).Append(" (committed)\n");
        text.Append("+++ ").Append(fileName).Append(" (generated)\n");
        var shown = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind == ' ')
            {
                continue;
            }

            var from = Math.Max(i - 2, shown + 1);
            text.Append("@@ line ").Append(lines[from].Line).Append(" @@\n");

            var to = i;
            while (to + 1 < lines.Count && (lines[to + 1].Kind != ' ' || lines.Skip(to + 1).Take(3).Any(l => l.Kind != ' ')))
            {
                to++;
            }

            to = Math.Min(to + 2, lines.Count - 1);
            for (var k = from; k <= to; k++)
            {
                text.Append(lines[k].Kind).Append(lines[k].Text).Append('\n');
            }

            shown = to;
            i = to;
        }

        return text.ToString();
    }
}

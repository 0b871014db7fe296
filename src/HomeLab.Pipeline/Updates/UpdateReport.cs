using System.Text;
using HomeLab.Manifests.Diff;
using HomeLab.Manifests.Findings;

namespace HomeLab.Pipeline.Updates;

/// <summary>
/// The Markdown report of a verified update: a summary table (Application, environment, objects added, changed and
/// removed, findings), the findings, then each Application's field-level diff. It starts with a hidden marker, so the
/// pull-request comment that carries it is found and updated in place.
/// </summary>
public static class UpdateReport
{
    /// <summary>The hidden marker the pull-request comment is found by.</summary>
    public const string Marker = "<!-- homelab:verify-update -->";

    /// <summary>The most characters GitHub accepts in one comment.</summary>
    public const int CommentLimit = 65_536;

    /// <summary>Renders the report.</summary>
    /// <param name="updates">The affected Applications.</param>
    /// <param name="baseRef">The base the head was compared with.</param>
    /// <returns>The Markdown.</returns>
    public static string Render(IReadOnlyList<ApplicationUpdate> updates, string baseRef)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var text = new StringBuilder().AppendLine(Marker);
        var failed = updates.Any(u => u.Fails);
        text.AppendLine($"## VerifyUpdate {(failed ? "failed" : "passed")} against `{baseRef}`").AppendLine();
        if (updates.Count == 0)
        {
            return text.AppendLine("The change affects no Application.").ToString();
        }

        text.AppendLine("| Application | environment | + | ~ | - | findings |").AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var update in updates)
        {
            var errors = update.Findings.Count(f => f.Severity == Severity.Error);
            text.Append($"| {update.Application} | {update.Environment} | {Count(update, ChangeKind.Added)} | {Count(update, ChangeKind.Changed)} | {Count(update, ChangeKind.Removed)} | ")
                .AppendLine(update.Findings.Count == 0 ? "✅ |" : $"{(errors > 0 ? "❌" : "⚠️")} {update.Findings.Count} |");
        }

        foreach (var update in updates.Where(u => u.Findings.Count > 0))
        {
            text.AppendLine().AppendLine($"### Findings: {update.Application} ({update.Environment})").AppendLine();
            foreach (var finding in update.Findings)
            {
                text.AppendLine($"- `{finding}`");
            }
        }

        foreach (var update in updates.Where(u => u.Changes.Count > 0))
        {
            text.AppendLine().AppendLine($"<details><summary>{update.Application} ({update.Environment}): {update.Changes.Count} objects</summary>").AppendLine().AppendLine("```diff");
            foreach (var change in update.Changes)
            {
                text.AppendLine($"{Sign(change.Kind)} {change.Object}");
                foreach (var field in change.Fields)
                {
                    text.AppendLine(field.Kind switch
                    {
                        ChangeKind.Added => $"+   {field.Path}: {field.After}",
                        ChangeKind.Removed => $"-   {field.Path}: {field.Before}",
                        _ => $"!   {field.Path}: {field.Before} → {field.After}",
                    });
                }
            }

            text.AppendLine("```").AppendLine().AppendLine("</details>");
        }

        return text.ToString();
    }

    /// <summary>The report cut to what one comment holds, at a line, with a note naming the artifact that has all of it.</summary>
    /// <param name="report">The full report.</param>
    /// <param name="artifact">The name of the artifact with the full report.</param>
    /// <param name="limit">The most characters allowed.</param>
    /// <returns>The report itself when it fits, else its head and the note.</returns>
    public static string Truncate(string report, string artifact, int limit = CommentLimit)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Length <= limit)
        {
            return report;
        }

        var note = $"\n```\n\n</details>\n\n**The report is longer than a comment holds ({report.Length:N0} characters): it is cut here; the full report is the artifact `{artifact}`.**\n";
        var cut = report.LastIndexOf('\n', Math.Max(0, limit - note.Length - 1));
        return report[..Math.Max(cut, 0)] + note;
    }

    private static int Count(ApplicationUpdate update, ChangeKind kind) => update.Changes.Count(c => c.Kind == kind);

    private static char Sign(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => '+',
        ChangeKind.Removed => '-',
        _ => '!',
    };
}

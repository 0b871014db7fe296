using System.Text;
using HomeLab.Manifests.Diff;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;

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

    /// <summary>The most comments a report is split into; what does not fit in them is cut, naming the artifact.</summary>
    public const int MostComments = 10;

    /// <summary>Renders the report.</summary>
    /// <param name="result">What the verification found.</param>
    /// <param name="baseRef">The base the head was compared with.</param>
    /// <param name="headVerification">How <c>Verify</c> went on the head in the same build (one line); null when it did not run.</param>
    /// <returns>The Markdown.</returns>
    public static string Render(UpdateVerificationResult result, string baseRef, string? headVerification = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var updates = result.Updates;
        var text = new StringBuilder().AppendLine(Marker);
        var failed = result.Fails;
        text.AppendLine($"## VerifyUpdate {(failed ? "failed" : "passed")} against `{baseRef}`").AppendLine();
        foreach (var scope in result.Environments)
        {
            text.AppendLine(scope.Whole
                ? $"- {scope.Environment}: everything rendered (the environment file or its budgets changed)"
                : $"- {scope.Environment}: {Plural(scope.Rendered.Count, "Application")} rendered{(scope.Rendered.Count == 0 ? string.Empty : $" ({string.Join(", ", scope.Rendered)})")}; {Plural(scope.NotRendered.Count, "Application")} not affected, not rendered");
        }

        text.AppendLine(headVerification is null
            ? "- `Verify` did not run on the head in this build: run `./build.sh Verify VerifyUpdate` to check everything else too"
            : $"- `Verify` on the head: {headVerification}");
        text.AppendLine();
        if (result.Budgets.Count > 0)
        {
            text.AppendLine("| budget | environment | cap | base | head | change |").AppendLine("|---|---|---|---:|---:|---:|");
            foreach (var budget in result.Budgets)
            {
                var cap = budget.CapBefore == budget.CapAfter ? budget.CapAfter : $"{budget.CapBefore ?? "none"} → {budget.CapAfter ?? "none"}";
                var delta = budget.After - budget.Before;
                text.AppendLine($"| {budget.Budget} ({BudgetSum.Words(budget.Measure)}) | {budget.Environment} | {cap} | {BudgetSum.Format(budget.Measure, budget.Before)} | {BudgetSum.Format(budget.Measure, budget.After)}{(budget.Over ? " ❌ over" : string.Empty)} | {(delta < 0 ? "-" : "+")}{BudgetSum.Format(budget.Measure, Math.Abs(delta))} |");
            }

            text.AppendLine().AppendLine(result.Environments.All(e => e.Whole)
                ? "Sums over everything the environments render."
                : "Sums over the Applications rendered here; the others are the same on both sides.").AppendLine();
        }

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

    /// <summary>
    /// The report in comments of at most <paramref name="limit"/> characters each, cut at lines: a diff cut in two is
    /// closed at the end of one comment and opened again in the next. Each comment starts with its own marker
    /// (<see cref="PartMarker"/>), so each is found and updated in place. Past <paramref name="mostComments"/> the last
    /// comment is cut, with a note naming the artifact that has all of it.
    /// </summary>
    /// <param name="report">The full report (from <see cref="Render"/>, starting with <see cref="Marker"/>).</param>
    /// <param name="artifact">The name of the artifact with the full report.</param>
    /// <param name="limit">The most characters of one comment.</param>
    /// <param name="mostComments">The most comments.</param>
    /// <returns>The comments, in order; one when the report fits.</returns>
    public static IReadOnlyList<string> Split(string report, string artifact, int limit = CommentLimit, int mostComments = MostComments)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(mostComments, 1);
        if (report.Length <= limit)
        {
            return [report];
        }

        var body = report.StartsWith(Marker, StringComparison.Ordinal) ? report[Marker.Length..].TrimStart('\r', '\n') : report;
        var lines = body.Split('\n');
        var parts = new List<string>();
        var part = new StringBuilder();
        string? details = null, fence = null;
        // Room for the part's marker and heading and, at the end, closing an open diff and the cut note.
        const int Reserve = 600;
        foreach (var whole in lines)
        {
            // One line longer than a comment (a dashboard in a ConfigMap) is cut; the artifact has it whole.
            var line = whole.Length > (limit - Reserve) / 2 ? $"{whole[..((limit - Reserve) / 4)]} … (cut: the artifact `{artifact}` has the line whole)" : whole;
            if (part.Length + line.Length + 1 > limit - Reserve && part.Length > 0)
            {
                if (parts.Count == mostComments - 1)
                {
                    part.Append(Close(fence, details)).AppendLine().Append($"**The report is longer than {Plural(mostComments, "comment")} hold ({report.Length:N0} characters): it is cut here; the full report is the artifact `{artifact}`.**").AppendLine();
                    parts.Add(part.ToString());
                    return Numbered(parts);
                }

                part.Append(Close(fence, details));
                parts.Add(part.ToString());
                part = new StringBuilder();
                if (details is not null)
                {
                    part.AppendLine(details.Replace("</summary>", " (continued)</summary>", StringComparison.Ordinal)).AppendLine();
                }

                if (fence is not null)
                {
                    part.AppendLine(fence);
                }
            }

            part.Append(line).Append('\n');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                fence = fence is null ? line : null;
            }
            else if (line.StartsWith("<details>", StringComparison.Ordinal))
            {
                details = line;
            }
            else if (line.StartsWith("</details>", StringComparison.Ordinal))
            {
                details = null;
            }
        }

        parts.Add(part.ToString());
        return Numbered(parts);
    }

    /// <summary>The marker of one comment of a split report: <see cref="Marker"/> for the first, one of its own for each other.</summary>
    /// <param name="part">The comment's number, from 1.</param>
    /// <returns>The marker.</returns>
    public static string PartMarker(int part) => part == 1 ? Marker : $"<!-- homelab:verify-update part {part} -->";

    private static List<string> Numbered(List<string> parts) =>
        [.. parts.Select((p, i) => $"{PartMarker(i + 1)}\n{(parts.Count > 1 ? $"_VerifyUpdate report, comment {i + 1} of {parts.Count}_\n\n" : string.Empty)}{p}")];

    private static string Close(string? fence, string? details) =>
        (fence is null ? string.Empty : "```\n") + (details is null ? string.Empty : "\n</details>\n");

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

    private static int Count(ApplicationUpdate update, ChangeKind kind) => update.Changes.Count(c => c.Kind == kind);

    private static char Sign(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => '+',
        ChangeKind.Removed => '-',
        _ => '!',
    };
}

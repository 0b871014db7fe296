using System.Globalization;
using System.Text;

namespace HomeLab.Targets;

/// <summary>
/// Everything the engine prints goes through here: target headers, annotations and the summary,
/// masked, at the chosen verbosity, and in GitHub Actions' workflow-command form when running there.
/// </summary>
internal sealed class BuildOutput
{
    /// <summary>GitHub shows at most this many annotations of one severity per step; the rest go to the step summary.</summary>
    public const int GitHubAnnotationLimit = 10;

    private readonly TextWriter writer;
    private readonly object gate = new();
    private readonly Dictionary<AnnotationSeverity, int> annotationCounts = [];
    private readonly List<BuildAnnotation> overflow = [];

    public BuildOutput(TextWriter writer, SecretMasker masker, Verbosity verbosity, string rootDirectory, IReadOnlyDictionary<string, string> environment)
    {
        this.writer = writer;
        Masker = masker;
        Verbosity = verbosity;
        RootDirectory = rootDirectory;
        IsGitHubActions = environment.TryGetValue("GITHUB_ACTIONS", out var actions) && actions == "true";
        StepSummaryPath = environment.TryGetValue("GITHUB_STEP_SUMMARY", out var summary) && summary.Length > 0 ? summary : null;
    }

    public SecretMasker Masker { get; }

    public Verbosity Verbosity { get; set; }

    public string RootDirectory { get; }

    public bool IsGitHubActions { get; }

    public string? StepSummaryPath { get; }

    public void Info(string line)
    {
        if (Verbosity >= Verbosity.Normal)
        {
            Write(line);
        }
    }

    public void Verbose(string line)
    {
        if (Verbosity >= Verbosity.Verbose)
        {
            Write(line);
        }
    }

    public void Warning(string line)
    {
        if (Verbosity >= Verbosity.Minimal)
        {
            Write(IsGitHubActions ? $"::warning::{Escape(line)}" : $"warning: {line}");
        }
    }

    public void Error(string line) => Write(IsGitHubActions ? $"::error::{Escape(line)}" : $"error: {line}");

    public void Always(string line) => Write(line);

    public void TargetStarted(string name)
    {
        if (Verbosity < Verbosity.Minimal)
        {
            return;
        }

        if (IsGitHubActions)
        {
            Write($"::group::{name}");
        }
        else
        {
            Write(string.Empty);
            Write($"── {name} " + new string('─', Math.Max(3, 60 - name.Length)));
        }
    }

    public void TargetFinished()
    {
        if (IsGitHubActions && Verbosity >= Verbosity.Minimal)
        {
            Write("::endgroup::");
        }
    }

    public void Annotate(BuildAnnotation annotation, bool print = true)
    {
        var file = annotation.File is null ? null : Relative(annotation.File);
        var located = annotation with { File = file };
        var label = annotation.Severity switch
        {
            AnnotationSeverity.Error => "error",
            AnnotationSeverity.Warning => "warning",
            _ => "notice",
        };
        if (annotation.Severity == AnnotationSeverity.Notice && Verbosity < Verbosity.Normal)
        {
            return;
        }

        if (annotation.Severity == AnnotationSeverity.Warning && Verbosity < Verbosity.Minimal)
        {
            return;
        }

        if (IsGitHubActions && TakeAnnotationSlot(annotation.Severity))
        {
            var properties = new List<string>();
            if (file is not null)
            {
                properties.Add($"file={EscapeProperty(file)}");
            }

            if (annotation.Line is { } line)
            {
                properties.Add($"line={line}");
            }

            if (annotation.Column is { } column)
            {
                properties.Add($"col={column}");
            }

            if (annotation.Title is { } title)
            {
                properties.Add($"title={EscapeProperty(title)}");
            }

            var head = properties.Count == 0 ? $"::{label}" : $"::{label} {string.Join(',', properties)}";
            Write($"{head}::{Escape(annotation.Message)}");
            return;
        }

        if (IsGitHubActions)
        {
            lock (gate)
            {
                overflow.Add(located);
            }
        }

        if (!print)
        {
            return;
        }

        var where = located.Location is null ? string.Empty : located.Location + ": ";
        var rule = annotation.Title is null ? string.Empty : $" {annotation.Title}";
        Write($"{where}{label}{rule}: {annotation.Message}");
    }

    public void Summary(IReadOnlyList<TargetResult> results, TimeSpan total, BuildOutcome outcome)
    {
        if (StepSummaryPath is not null)
        {
            AppendStepSummary(results, total, outcome);
        }

        // Quiet and successful: nothing on the console, so a target's own output can be piped.
        if (Verbosity == Verbosity.Quiet && outcome == BuildOutcome.Succeeded)
        {
            return;
        }

        var nameWidth = Math.Max(6, results.Count == 0 ? 0 : results.Max(r => r.Name.Length));
        var statusWidth = 10;
        var rule = new string('═', nameWidth + statusWidth + 30);
        Write(string.Empty);
        Write(rule);
        Write($"{"Target".PadRight(nameWidth)}  {"Status".PadRight(statusWidth)}  {"Duration",9}  Notes");
        Write(new string('─', rule.Length));
        foreach (var result in results)
        {
            var notes = string.Join("; ", result.Notes);
            Write($"{result.Name.PadRight(nameWidth)}  {result.Status.ToString().PadRight(statusWidth)}  {FormatDuration(result.Duration),9}  {notes}".TrimEnd());
        }

        Write(new string('─', rule.Length));
        Write($"{"Total".PadRight(nameWidth)}  {string.Empty.PadRight(statusWidth)}  {FormatDuration(total),9}");
        Write(rule);
        Write(string.Empty);
        Write(outcome switch
        {
            BuildOutcome.Succeeded => "Build succeeded.",
            BuildOutcome.Cancelled => "Build cancelled.",
            _ => "Build failed.",
        });
    }

    public static string FormatDuration(TimeSpan? duration) => duration is not { } value
        ? string.Empty
        : value.TotalMinutes >= 1
            ? $"{(int)value.TotalMinutes}:{value.Seconds:00}"
            : (value.TotalMilliseconds < 10 ? "< 0.01 s" : value.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s");

    private void AppendStepSummary(IReadOnlyList<TargetResult> results, TimeSpan total, BuildOutcome outcome)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Build {outcome.ToString().ToLowerInvariant()}");
        text.AppendLine();
        text.AppendLine("| Target | Status | Duration | Notes |");
        text.AppendLine("|---|---|---:|---|");
        foreach (var result in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {result.Name} | {result.Status} | {FormatDuration(result.Duration)} | {MarkdownCell(string.Join("; ", result.Notes))} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **Total** | | {FormatDuration(total)} | |");
        List<BuildAnnotation> rest;
        lock (gate)
        {
            rest = [.. overflow];
        }

        if (rest.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"#### {rest.Count} more findings (GitHub shows {GitHubAnnotationLimit} annotations per severity)");
            text.AppendLine();
            text.AppendLine("| Severity | Location | Rule | Message |");
            text.AppendLine("|---|---|---|---|");
            foreach (var annotation in rest)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {annotation.Severity} | {MarkdownCell(annotation.Location ?? string.Empty)} | {MarkdownCell(annotation.Title ?? string.Empty)} | {MarkdownCell(annotation.Message)} |");
            }
        }

        File.AppendAllText(StepSummaryPath!, Masker.Apply(text.ToString()));
    }

    private bool TakeAnnotationSlot(AnnotationSeverity severity)
    {
        lock (gate)
        {
            annotationCounts.TryGetValue(severity, out var count);
            if (count >= GitHubAnnotationLimit)
            {
                return false;
            }

            annotationCounts[severity] = count + 1;
            return true;
        }
    }

    private string Relative(string file)
    {
        if (!Path.IsPathRooted(file))
        {
            return file.Replace('\\', '/');
        }

        var relative = Path.GetRelativePath(RootDirectory, file);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? file : relative).Replace('\\', '/');
    }

    private void Write(string line)
    {
        lock (gate)
        {
            writer.WriteLine(Masker.Apply(line));
        }
    }

    private static string MarkdownCell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    // GitHub workflow commands: data escapes %, CR, LF; properties also escape ':' and ','.
    private static string Escape(string text) => text
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string text) => Escape(text)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}

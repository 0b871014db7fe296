using System.Text.RegularExpressions;

namespace HomeLab.Targets.Components;

/// <summary>
/// A component: a build that implements this interface gets a <c>FormatCheck</c> target, which runs
/// <c>dotnet format --verify-no-changes</c> and reports every formatting problem at its file and line.
/// </summary>
public interface IFormatCheck : IBuild
{
    /// <summary>The solution or project to check; the root's only <c>*.sln</c> by default.</summary>
    string FormatTarget => Directory.GetFiles(RootDirectory, "*.sln").Order(StringComparer.Ordinal).FirstOrDefault()
        ?? throw new TargetFailedException("No *.sln in the root: override IFormatCheck.FormatTarget with the project to check.");

    /// <summary>Checks that code is formatted as .editorconfig says.</summary>
    Target FormatCheck => _ => _
        .Description("Checks formatting and code style (dotnet format --verify-no-changes); each problem at file:line.")
        .Executes(async (context, cancellationToken) =>
        {
            var exitCode = await ChildProcess.RunAsync(
                "dotnet",
                ["format", FormatTarget, "--verify-no-changes", "--no-restore", "-v", "q"],
                RootDirectory,
                line =>
                {
                    if (FormatProblem.Parse(line.Text) is { } problem)
                    {
                        context.Report(problem);
                    }
                    else if (line.Text.Length > 0)
                    {
                        context.Verbose(line.Text);
                    }
                },
                cancellationToken).ConfigureAwait(false);
            if (exitCode != 0 && context.ErrorCount == 0)
            {
                throw new TargetFailedException($"dotnet format exited with {exitCode}; run it with -v d to see why.");
            }

            if (context.ErrorCount > 0)
            {
                context.AddNote("run 'dotnet format' to fix");
            }
        });
}

/// <summary>Reads <c>path(line,col): error CODE: message [project]</c> lines of dotnet format.</summary>
internal static partial class FormatProblem
{
    public static BuildAnnotation? Parse(string line)
    {
        var match = Pattern().Match(line);
        return match.Success
            ? new BuildAnnotation(
                AnnotationSeverity.Error,
                match.Groups["message"].Value.Trim(),
                match.Groups["file"].Value,
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["code"].Value)
            : null;
    }

    [GeneratedRegex(@"^\s*(?<file>[^()]+)\((?<line>\d+),(?<column>\d+)\): (?:error|warning) (?<code>\w+): (?<message>.*?)(?:\s\[[^\]]+\])?$")]
    private static partial Regex Pattern();
}

using HomeLab.Targets;
using HomeLab.Tools;

namespace HomeLab.Pipeline.Solution;

/// <summary>Runs the dotnet CLI for a target, streaming its output; a non-zero exit fails the target.</summary>
public static class DotNetCommand
{
    /// <summary>Runs <c>dotnet &lt;arguments&gt;</c> in a directory.</summary>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="arguments">The arguments, each passed as one argument (no shell).</param>
    /// <param name="cancellationToken">Stops dotnet.</param>
    /// <returns>A task.</returns>
    /// <exception cref="TargetFailedException">dotnet exited with a non-zero code or could not be started.</exception>
    public static async Task RunAsync(AbsolutePath workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        int exitCode;
        try
        {
            exitCode = await new ExternalProgram("dotnet").WithWorkingDirectory(workingDirectory)
                .StreamAsync(arguments, line => Console.WriteLine(line.Text), cancellationToken).ConfigureAwait(false);
        }
        catch (ToolNotFoundException exception)
        {
            throw new TargetFailedException($"{exception.Message}; {exception.Hint}.");
        }

        if (exitCode != 0)
        {
            throw new TargetFailedException($"dotnet {arguments[0]} exited with {exitCode}.");
        }
    }
}

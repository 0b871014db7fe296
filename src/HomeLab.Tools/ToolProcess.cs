using System.Collections.Immutable;
using CliWrap;
using CliWrap.Buffered;

namespace HomeLab.Tools;

/// <summary>Runs a tool through CliWrap and buffers its output; a non-zero exit is a result, not an exception.</summary>
internal static class ToolProcess
{
    public static async Task<ToolResult> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        string? workingDirectory,
        ImmutableDictionary<string, string?> environment,
        CancellationToken cancellationToken)
    {
        var command = Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None);
        if (workingDirectory is not null)
        {
            command = command.WithWorkingDirectory(workingDirectory);
        }

        var result = await command.ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
        return new ToolResult(executable, arguments, result.ExitCode, result.StandardOutput, result.StandardError);
    }
}

using System.Collections.Immutable;
using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace HomeLab.Tools;

/// <summary>
/// The one process runner of the repository, on CliWrap: every external program (kubectl, helm, k3d, git, dotnet,
/// a script) runs through here, either buffered or streaming its lines. A non-zero exit is a result, not an
/// exception; cancellation kills the program.
/// </summary>
internal static class ToolProcess
{
    public static async Task<ToolResult> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        string? workingDirectory,
        ImmutableDictionary<string, string?> environment,
        CancellationToken cancellationToken)
    {
        var command = Command(executable, arguments, workingDirectory, environment);
        try
        {
            var result = await command.ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
            return new ToolResult(executable, arguments, result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (Win32Exception exception)
        {
            throw NotStarted(executable, exception);
        }
    }

    public static async Task<int> StreamAsync(
        string executable,
        IReadOnlyList<string> arguments,
        string? workingDirectory,
        ImmutableDictionary<string, string?> environment,
        Action<ToolOutputLine> onLine,
        CancellationToken cancellationToken)
    {
        var command = Command(executable, arguments, workingDirectory, environment)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => onLine(new ToolOutputLine(line, false))))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => onLine(new ToolOutputLine(line, true))));
        try
        {
            var result = await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.ExitCode;
        }
        catch (Win32Exception exception)
        {
            throw NotStarted(executable, exception);
        }
    }

    private static Command Command(string executable, IReadOnlyList<string> arguments, string? workingDirectory, ImmutableDictionary<string, string?> environment)
    {
        var command = Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None);
        return workingDirectory is null ? command : command.WithWorkingDirectory(workingDirectory);
    }

    private static ToolNotFoundException NotStarted(string executable, Win32Exception exception)
    {
        var name = Path.GetFileName(executable);
        return new ToolNotFoundException(name, $"could not start '{executable}': {exception.Message}", $"install {name} or put it on PATH");
    }
}

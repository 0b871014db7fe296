using System.Collections.Immutable;

namespace HomeLab.Tools;

/// <summary>
/// What every external tool wrapper shares: the executable, the directory it runs in, the environment it gets, and
/// <c>With…</c> builders that return new instances (the wrappers are immutable, as CliWrap's commands are).
/// </summary>
/// <typeparam name="TSelf">The wrapper, so builders return it.</typeparam>
public abstract class CommandLineTool<TSelf>
    where TSelf : CommandLineTool<TSelf>
{
    /// <summary>Creates a wrapper.</summary>
    /// <param name="executablePath">The executable.</param>
    /// <param name="workingDirectory">The directory it runs in; the current directory when null.</param>
    /// <param name="environmentVariables">Environment variables set for it.</param>
    private protected CommandLineTool(string executablePath, string? workingDirectory, ImmutableDictionary<string, string?> environmentVariables)
    {
        ArgumentException.ThrowIfNullOrEmpty(executablePath);
        ExecutablePath = executablePath;
        WorkingDirectory = workingDirectory;
        EnvironmentVariables = environmentVariables;
    }

    /// <summary>The executable that runs.</summary>
    public string ExecutablePath { get; }

    /// <summary>The directory the tool runs in; the current directory when null.</summary>
    public string? WorkingDirectory { get; }

    /// <summary>Environment variables set for the tool (a null value removes a variable).</summary>
    public ImmutableDictionary<string, string?> EnvironmentVariables { get; }

    /// <summary>A copy that runs another executable.</summary>
    /// <param name="executablePath">The executable.</param>
    /// <returns>The new wrapper.</returns>
    public TSelf WithExecutablePath(string executablePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(executablePath);
        return Create(executablePath, WorkingDirectory, EnvironmentVariables);
    }

    /// <summary>A copy that runs in a directory.</summary>
    /// <param name="workingDirectory">The directory.</param>
    /// <returns>The new wrapper.</returns>
    public TSelf WithWorkingDirectory(string workingDirectory) => Create(ExecutablePath, workingDirectory, EnvironmentVariables);

    /// <summary>A copy that sets an environment variable for the tool.</summary>
    /// <param name="name">The variable.</param>
    /// <param name="value">The value; null removes the variable.</param>
    /// <returns>The new wrapper.</returns>
    public TSelf WithEnvironmentVariable(string name, string? value) => Create(ExecutablePath, WorkingDirectory, EnvironmentVariables.SetItem(name, value));

    /// <summary>Runs the tool with any arguments.</summary>
    /// <param name="arguments">The arguments.</param>
    /// <param name="cancellationToken">Stops the tool.</param>
    /// <returns>The result; a non-zero exit is a result, not an exception.</returns>
    /// <exception cref="ToolNotFoundException">The executable could not be started.</exception>
    public Task<ToolResult> ExecuteAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) =>
        ToolProcess.RunAsync(ExecutablePath, arguments, WorkingDirectory, EnvironmentVariables, cancellationToken);

    /// <summary>Runs the tool with any arguments, handing over each line as it is written (for long runs a user watches).</summary>
    /// <param name="arguments">The arguments.</param>
    /// <param name="onLine">Called for each line of standard output and standard error.</param>
    /// <param name="cancellationToken">Stops the tool.</param>
    /// <returns>The exit code; a non-zero exit is a result, not an exception.</returns>
    public Task<int> StreamAsync(IReadOnlyList<string> arguments, Action<ToolOutputLine> onLine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        return ToolProcess.StreamAsync(ExecutablePath, arguments, WorkingDirectory, EnvironmentVariables, onLine, cancellationToken);
    }

    /// <summary>Makes a wrapper of this kind with the given settings.</summary>
    /// <param name="executablePath">The executable.</param>
    /// <param name="workingDirectory">The directory it runs in.</param>
    /// <param name="environmentVariables">Its environment variables.</param>
    /// <returns>The new wrapper.</returns>
    private protected abstract TSelf Create(string executablePath, string? workingDirectory, ImmutableDictionary<string, string?> environmentVariables);
}

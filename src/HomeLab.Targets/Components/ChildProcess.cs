using System.Diagnostics;

namespace HomeLab.Targets.Components;

/// <summary>
/// Runs a program for a component and streams its lines; cancellation kills the whole process tree.
/// The engine takes no package dependencies, so this is a small wrapper over <see cref="Process"/>.
/// </summary>
public static class ChildProcess
{
    /// <summary>Runs a program to completion.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments, each passed as one argument (no shell).</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="onLine">Called for each line of output.</param>
    /// <param name="cancellationToken">Kills the process when cancelled.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, Action<ProcessLine> onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onLine(new ProcessLine(e.Data, false));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onLine(new ProcessLine(e.Data, true));
            }
        };

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new TargetFailedException($"Could not start '{fileName}': {exception.Message}. Is it installed and on PATH?");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }
}

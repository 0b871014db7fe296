namespace HomeLab.Tools.K3d;

/// <summary>A k3d command exited with an error; the message is k3d's own, with the command line.</summary>
public sealed class K3dCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    public K3dCommandException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public K3dCommandException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public K3dCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from a failed run.</summary>
    /// <param name="result">The run.</param>
    public K3dCommandException(ToolResult result)
        : base($"{result?.CommandLine} failed: {FirstLine(result?.ErrorMessage)}; hint: is Docker running (docker info)?")
    {
        Result = result;
    }

    /// <summary>The failed run, when there was one.</summary>
    public ToolResult? Result { get; }

    private static string FirstLine(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";
}

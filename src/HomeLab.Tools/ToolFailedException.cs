namespace HomeLab.Tools;

/// <summary>A tool ran and exited with a non-zero code where the caller needs its answer: the message is the tool's own error text.</summary>
public sealed class ToolFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ToolFailedException()
        : base("a tool failed")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public ToolFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public ToolFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a run that failed.</summary>
    /// <param name="result">The run.</param>
    public ToolFailedException(ToolResult result)
        : base($"{result?.CommandLine} failed: {result?.ErrorMessage}")
    {
        Result = result;
    }

    /// <summary>The run that failed; null when the exception was made without one.</summary>
    public ToolResult? Result { get; }
}

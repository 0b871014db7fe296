namespace HomeLab.Tools;

/// <summary>An external tool (kubectl, helm) could not be found: the message says where we looked, the hint how to install it.</summary>
public sealed class ToolNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ToolNotFoundException()
        : this("tool", "a tool could not be found", "install it or put it on PATH")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing.</param>
    public ToolNotFoundException(string message)
        : this("tool", message, "install it or put it on PATH")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing.</param>
    /// <param name="innerException">The cause.</param>
    public ToolNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        ToolName = "tool";
        Hint = "install it or put it on PATH";
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="toolName">The tool, such as <c>helm</c>.</param>
    /// <param name="message">What is missing and where we looked.</param>
    /// <param name="hint">How to install it.</param>
    public ToolNotFoundException(string toolName, string message, string hint)
        : base(message)
    {
        ToolName = toolName;
        Hint = hint;
    }

    /// <summary>The tool, such as <c>helm</c>.</summary>
    public string ToolName { get; }

    /// <summary>How to install the tool.</summary>
    public string Hint { get; }
}

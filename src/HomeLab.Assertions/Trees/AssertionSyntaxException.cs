using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Trees;

/// <summary>An assertion tree cannot be compiled (a bad expression, an unknown key suffix); the message names the file and line.</summary>
public sealed class AssertionSyntaxException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AssertionSyntaxException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public AssertionSyntaxException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AssertionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a node.</summary>
    /// <param name="span">Where the node was written.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public AssertionSyntaxException(SourceSpan span, string message, Exception? innerException = null)
        : base(span.IsKnown ? $"{span}: {message}" : message, innerException)
    {
        Span = span;
    }

    /// <summary>Where the offending node was written.</summary>
    public SourceSpan Span { get; }
}

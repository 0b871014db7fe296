using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Chainsaw;

/// <summary>A Chainsaw test file is malformed; the message starts with file:line:column.</summary>
public sealed class ChainsawFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChainsawFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public ChainsawFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ChainsawFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a node.</summary>
    /// <param name="span">Where the node was written.</param>
    /// <param name="message">What is wrong.</param>
    public ChainsawFormatException(SourceSpan span, string message)
        : base(span.IsKnown ? $"{span}: {message}" : message)
    {
        Span = span;
    }

    /// <summary>Where the problem is.</summary>
    public SourceSpan Span { get; }
}

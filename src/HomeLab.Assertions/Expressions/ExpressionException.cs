namespace HomeLab.Assertions.Expressions;

/// <summary>A JMESPath expression failed to parse or to evaluate; the message names the expression.</summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExpressionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public ExpressionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

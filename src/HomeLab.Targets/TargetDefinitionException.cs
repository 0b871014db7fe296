namespace HomeLab.Targets;

/// <summary>A mistake in how the build declares its targets or parameters; reported as a message, not a stack trace.</summary>
public sealed class TargetDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public TargetDefinitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TargetDefinitionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public TargetDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

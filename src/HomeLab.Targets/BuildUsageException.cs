namespace HomeLab.Targets;

/// <summary>A mistake the user made on the command line or in parameter files: shown as one message, exit code 2.</summary>
public sealed class BuildUsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public BuildUsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BuildUsageException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public BuildUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

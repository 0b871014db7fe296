namespace HomeLab.Targets;

/// <summary>
/// Thrown by a target body to fail the target with a message the user can act on; the summary shows the
/// message and no stack trace (stack traces are for bugs).
/// </summary>
public sealed class TargetFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the target failed and what to do.</param>
    public TargetFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TargetFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the target failed.</param>
    /// <param name="innerException">The cause.</param>
    public TargetFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

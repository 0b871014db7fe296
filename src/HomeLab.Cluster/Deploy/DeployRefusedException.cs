namespace HomeLab.Cluster.Deploy;

/// <summary>
/// A promotion refused before anything was written: the wrong cluster, a missing declaration, no confirmation.
/// The message is one line that names what was expected, what was found and what to do.
/// </summary>
public sealed class DeployRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeployRefusedException()
    {
    }

    /// <summary>Creates the exception with its one-line reason.</summary>
    /// <param name="message">The reason, with a hint.</param>
    public DeployRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its reason and cause.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause.</param>
    public DeployRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

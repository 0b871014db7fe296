namespace HomeLab.Cluster.Client;

/// <summary>The cluster's credentials could not be found or read (no kubeconfig, unknown context, bad file).</summary>
public sealed class ClusterConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterConnectionException()
    {
    }

    /// <summary>Creates the exception with a message that says what to do.</summary>
    /// <param name="message">The message.</param>
    public ClusterConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ClusterConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace HomeLab.Cluster.K3d;

/// <summary>The k3d config file cannot be used; the message names the file (and line) and says how to fix it.</summary>
public sealed class K3dConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public K3dConfigException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The problem, with file, line and hint.</param>
    public K3dConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The problem, with file, line and hint.</param>
    /// <param name="innerException">The cause.</param>
    public K3dConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

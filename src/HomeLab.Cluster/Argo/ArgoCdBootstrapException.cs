namespace HomeLab.Cluster.Argo;

/// <summary>ArgoCD could not be installed: helm failed (chart unreachable, values wrong, pods not ready in time). The message is one line.</summary>
public sealed class ArgoCdBootstrapException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArgoCdBootstrapException()
    {
    }

    /// <summary>Creates the exception with its one-line reason.</summary>
    /// <param name="message">The reason.</param>
    public ArgoCdBootstrapException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its reason and cause.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause.</param>
    public ArgoCdBootstrapException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

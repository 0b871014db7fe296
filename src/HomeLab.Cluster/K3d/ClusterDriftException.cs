namespace HomeLab.Cluster.K3d;

/// <summary>The cluster exists but differs from its config; nothing was changed. The message lists the differences and how to recreate.</summary>
public sealed class ClusterDriftException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterDriftException()
    {
        Differences = [];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ClusterDriftException(string message)
        : base(message)
    {
        Differences = [];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ClusterDriftException(string message, Exception innerException)
        : base(message, innerException)
    {
        Differences = [];
    }

    /// <summary>Creates the exception for a cluster and its differences.</summary>
    /// <param name="clusterName">The cluster.</param>
    /// <param name="differences">What differs, one line each.</param>
    public ClusterDriftException(string clusterName, IReadOnlyList<string> differences)
        : base($"cluster {clusterName} exists but differs from its config: {string.Join("; ", differences ?? [])}; nothing was changed; hint: `./build.sh ClusterUp --recreate` deletes and re-creates it (its data goes), or `./build.sh ClusterDown` first")
    {
        Differences = differences ?? [];
    }

    /// <summary>What differs, one line each.</summary>
    public IReadOnlyList<string> Differences { get; }
}

using HomeLab.Cluster.Client;

namespace HomeLab.Cluster.Deploy;

/// <summary>What a connection says about the cluster it reaches: the kubeconfig context, the API server and its CA.</summary>
/// <param name="Context">The kubeconfig context, or null when the connection was not built from one.</param>
/// <param name="Server">The API server's address.</param>
/// <param name="CaFingerprint">The SHA-256 fingerprint of the cluster's CA certificate (hex), or null when the kubeconfig names none.</param>
public sealed record ClusterIdentity(string? Context, Uri Server, string? CaFingerprint)
{
    /// <summary>The identity of the cluster a connection reaches.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>Its context, server and CA fingerprint.</returns>
    public static ClusterIdentity Of(ClusterConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new ClusterIdentity(connection.Context, connection.Server, connection.CaFingerprint);
    }
}

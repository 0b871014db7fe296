namespace HomeLab.Cluster.Client;

/// <summary>Whether a cluster answered, and if not, why not — what a skipped live test prints.</summary>
/// <param name="IsReachable">Whether the API server answered <c>/version</c>.</param>
/// <param name="Reason">Why it is not reachable (no kubeconfig, refused, timed out, unauthorized); null when reachable.</param>
/// <param name="Server">The API server's address, when one was configured.</param>
/// <param name="ServerVersion">The server's <c>gitVersion</c>, when it answered.</param>
public sealed record ClusterReachability(bool IsReachable, string? Reason, Uri? Server, string? ServerVersion)
{
    /// <summary>A cluster that answered.</summary>
    /// <param name="server">Its address.</param>
    /// <param name="serverVersion">Its version.</param>
    /// <returns>The result.</returns>
    public static ClusterReachability Reachable(Uri server, string? serverVersion) => new(true, null, server, serverVersion);

    /// <summary>No cluster, with the reason.</summary>
    /// <param name="reason">Why not, in a sentence a person can act on.</param>
    /// <param name="server">The address that was tried, if any.</param>
    /// <returns>The result.</returns>
    public static ClusterReachability Unreachable(string reason, Uri? server = null) => new(false, reason, server, null);

    /// <inheritdoc />
    public override string ToString() =>
        IsReachable ? $"cluster {Server} ({ServerVersion}) is reachable" : $"no cluster reachable: {Reason}";
}

using HomeLab.Cluster.Client;
using HomeLab.Targets;

namespace HomeLab.Pipeline.ClusterAccess;

/// <summary>A component: the <c>--kube-context</c> parameter and the connection to the cluster targets talk to.</summary>
public interface IClusterAccess : IPipelineBuild
{
    /// <summary>The kubeconfig context; the current one when null.</summary>
    [Parameter("The kubeconfig context for targets that talk to a cluster; default: the current context.")]
    string? KubeContext => TryGetValue(() => KubeContext);

    /// <summary>Where the cluster's credentials come from.</summary>
    ClusterConnectionOptions ClusterOptions => new() { Context = KubeContext };

    /// <summary>Connects to the cluster (no request is made yet).</summary>
    /// <returns>The connection.</returns>
    /// <exception cref="TargetFailedException">No kubeconfig or no such context: the one-line reason.</exception>
    ClusterConnection ConnectToCluster()
    {
        try
        {
            return ClusterConnection.Connect(ClusterOptions);
        }
        catch (ClusterConnectionException exception)
        {
            throw new TargetFailedException(exception.Message);
        }
    }

    /// <summary>Asks whether a cluster answers, and if not, why not.</summary>
    /// <param name="cancellationToken">Stops the probe.</param>
    /// <returns>The answer; never throws for an unreachable cluster.</returns>
    Task<ClusterReachability> ProbeClusterAsync(CancellationToken cancellationToken) => ClusterConnection.TryConnectAsync(ClusterOptions, cancellationToken);
}

using System.Runtime.CompilerServices;
using HomeLab.Cluster.Client;
using HomeLab.Targets;

namespace HomeLab.Pipeline.ClusterAccess;

/// <summary>
/// A component: the <c>--kubeconfig</c> and <c>--kube-context</c> parameters and the connection to the cluster targets
/// talk to. The kubeconfig is searched in the environment the build was started with (<c>KUBECONFIG</c>, then
/// <c>~/.kube/config</c>), not in whatever the process's environment has become.
/// </summary>
public interface IClusterAccess : IPipelineBuild
{
    // The kubeconfig a target of this run switched the later ones to (ClusterUp's own), per build.
    private static readonly ConditionalWeakTable<IClusterAccess, string> Switched = [];

    /// <summary>The kubeconfig file (or a list, as <c>KUBECONFIG</c> writes it); the default search when null.</summary>
    [Parameter("The kubeconfig file for targets that talk to a cluster (a list as KUBECONFIG writes it: the first that exists); default: KUBECONFIG, then ~/.kube/config.", EnvironmentVariable = "KUBECONFIG")]
    string? Kubeconfig => TryGetValue(() => Kubeconfig);

    /// <summary>The kubeconfig context; the current one when null.</summary>
    [Parameter("The kubeconfig context for targets that talk to a cluster; default: the current context.")]
    string? KubeContext => TryGetValue(() => KubeContext);

    /// <summary>Where the cluster's credentials come from.</summary>
    ClusterConnectionOptions ClusterOptions => new()
    {
        KubeconfigPath = Switched.TryGetValue(this, out var switched) ? switched : Kubeconfig,
        Context = KubeContext,
        Environment = Environment,
    };

    /// <summary>Makes the later targets of this run, and the programs they start, talk to the cluster of this kubeconfig.</summary>
    /// <param name="path">The kubeconfig file (ClusterUp's project-local one).</param>
    void SwitchKubeconfig(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Switched.AddOrUpdate(this, path);

        // The test host that dotnet test starts reads the process's environment.
        System.Environment.SetEnvironmentVariable("KUBECONFIG", path);
    }

    /// <summary>Connects to the cluster (no request is made yet).</summary>
    /// <returns>The connection.</returns>
    /// <exception cref="TargetFailedException">No kubeconfig or no such context: the one-line reason.</exception>
    ClusterConnection ConnectToCluster() => ConnectToCluster(ClusterOptions);

    /// <summary>Connects with options a target adjusted (its own hint when no kubeconfig is found, for instance).</summary>
    /// <param name="options">The options, usually <see cref="ClusterOptions"/> with a change.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="TargetFailedException">No kubeconfig or no such context: the one-line reason.</exception>
    ClusterConnection ConnectToCluster(ClusterConnectionOptions options)
    {
        try
        {
            return ClusterConnection.Connect(options);
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

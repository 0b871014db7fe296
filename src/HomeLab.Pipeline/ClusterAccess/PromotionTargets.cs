using HomeLab.Cluster.Client;
using HomeLab.Cluster.Deploy;
using HomeLab.Manifests.Environments;
using HomeLab.Targets;

namespace HomeLab.Pipeline.ClusterAccess;

/// <summary>
/// The clusters that environments declare under <c>cluster:</c> (the hardware DeployProd promotes to): the live pair
/// (<c>ClusterUp</c>, <c>StackUp</c>) refuses every one of them, whatever <c>--kube-context</c>, <c>--kubeconfig</c>
/// or <c>KUBECONFIG</c> say.
/// </summary>
internal static class PromotionTargets
{
    /// <summary>The declarations of every <c>clusters/*/environment.yaml</c> that has a usable <c>cluster:</c> section.</summary>
    public static IReadOnlyList<ClusterDeclaration> Read(AbsolutePath root)
    {
        var clusters = root / "clusters";
        if (!Directory.Exists(clusters))
        {
            return [];
        }

        var declarations = new List<ClusterDeclaration>();
        foreach (var file in Directory.GetDirectories(clusters).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "environment.yaml")).Where(File.Exists))
        {
            if (EnvironmentFile.Load(file).Environment is { } environment && environment.Root.GetMap("cluster") is not null)
            {
                try
                {
                    declarations.Add(ClusterDeclaration.Read(environment));
                }
                catch (DeployRefusedException)
                {
                    // An unfinished declaration names no cluster yet; DeployProd says what to fill.
                }
            }
        }

        return declarations;
    }

    /// <summary>Before the k3d cluster is made: neither its own context nor <c>--kube-context</c> may be the hardware's.</summary>
    public static void Refuse(AbsolutePath root, string k3dClusterName, string? kubeContext) => Guard(root, declared =>
    {
        ContextGuard.CheckNotProduction(declared, k3dClusterName);
        ContextGuard.CheckNotProductionContext(declared, kubeContext);
    });

    /// <summary>Before the first request to the cluster: the connection must not reach the hardware.</summary>
    public static void Refuse(AbsolutePath root, ClusterConnection connection) =>
        Guard(root, declared => ContextGuard.CheckNotProduction(declared, ClusterIdentity.Of(connection)));

    private static void Guard(AbsolutePath root, Action<ClusterDeclaration> check)
    {
        try
        {
            foreach (var declared in Read(root))
            {
                check(declared);
            }
        }
        catch (DeployRefusedException e)
        {
            throw new TargetFailedException(e.Message);
        }
    }
}

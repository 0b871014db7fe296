namespace HomeLab.Cluster.Deploy;

/// <summary>
/// Refuses to act on the wrong cluster: a promotion goes only to the context, address and CA its environment
/// declares, and the two worlds never cross — a k3d context is never a promotion target, and the hardware's context
/// is never the one <c>ClusterUp</c> creates or deletes.
/// </summary>
public static class ContextGuard
{
    /// <summary>The prefix k3d gives every context it writes.</summary>
    public const string K3dContextPrefix = "k3d-";

    /// <summary>Checks that the connection reaches the declared cluster.</summary>
    /// <param name="declared">The environment's declaration.</param>
    /// <param name="found">What the connection reaches.</param>
    /// <returns>A note when the CA fingerprint is not declared yet (with the one to declare), else null.</returns>
    /// <exception cref="DeployRefusedException">Context, address or CA differ, or the context is k3d's.</exception>
    public static string? Check(ClusterDeclaration declared, ClusterIdentity found)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(found);
        var at = $"{declared.Span.File}:{declared.Span.Line}";
        if (found.Context is { } context && context.StartsWith(K3dContextPrefix, StringComparison.Ordinal))
        {
            throw new DeployRefusedException($"refusing to deploy {declared.Environment} to '{context}': a k3d context is never a DeployProd target (expected '{declared.Context}', {at}); hint: pass --kube-context {declared.Context}");
        }

        if (!string.Equals(found.Context, declared.Context, StringComparison.Ordinal))
        {
            throw new DeployRefusedException($"refusing to deploy {declared.Environment}: expected context '{declared.Context}' ({at}), found '{found.Context ?? "(none)"}'; hint: pass --kube-context {declared.Context} or fix cluster.context");
        }

        if (!SameServer(declared.Server, found.Server))
        {
            throw new DeployRefusedException($"refusing to deploy {declared.Environment}: context '{found.Context}' points at {found.Server}, expected {declared.Server} ({at}); hint: the context may have been reused for another cluster");
        }

        if (declared.CaFingerprint is null)
        {
            return found.CaFingerprint is null
                ? $"{at}: no caFingerprint declared and the kubeconfig names no CA; the server's identity is not pinned"
                : $"{at}: no caFingerprint declared; pin this cluster with caFingerprint: {found.CaFingerprint}";
        }

        if (found.CaFingerprint is null || ClusterDeclaration.NormalizeFingerprint(found.CaFingerprint) != ClusterDeclaration.NormalizeFingerprint(declared.CaFingerprint))
        {
            throw new DeployRefusedException($"refusing to deploy {declared.Environment}: the CA of {found.Server} is {found.CaFingerprint ?? "(not in the kubeconfig)"}, expected {declared.CaFingerprint} ({at}); hint: a re-installed cluster has a new CA — check it, then update caFingerprint");
        }

        return null;
    }

    /// <summary>Checks that a k3d cluster's context is not the hardware's (so <c>ClusterUp</c> and <c>ClusterDown</c> never touch it).</summary>
    /// <param name="declared">The hardware's declaration.</param>
    /// <param name="k3dClusterName">The k3d cluster's name (its context is <c>k3d-</c> and the name).</param>
    /// <exception cref="DeployRefusedException">The k3d context would be the hardware's.</exception>
    public static void CheckNotProduction(ClusterDeclaration declared, string k3dClusterName)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(k3dClusterName);
        var context = K3dContextPrefix + k3dClusterName;
        if (string.Equals(context, declared.Context, StringComparison.Ordinal))
        {
            throw new DeployRefusedException($"{declared.Span.File}:{declared.Span.Line}: {declared.Environment} declares context '{context}', the one the k3d cluster '{k3dClusterName}' uses; hint: a k3s context is never a ClusterUp target — rename one of them");
        }
    }

    /// <summary>Checks that a context a <c>ClusterUp</c> or <c>StackUp</c> run was told to use (<c>--kube-context</c>) is not the hardware's.</summary>
    /// <param name="declared">The hardware's declaration.</param>
    /// <param name="context">The context named.</param>
    /// <exception cref="DeployRefusedException">It is the hardware's context.</exception>
    public static void CheckNotProductionContext(ClusterDeclaration declared, string? context)
    {
        ArgumentNullException.ThrowIfNull(declared);
        if (string.Equals(context, declared.Context, StringComparison.Ordinal))
        {
            throw new DeployRefusedException($"refusing to use context '{context}': it is {declared.Environment}'s ({declared.Span.File}:{declared.Span.Line}), and a k3s context is never a ClusterUp or StackUp target; hint: drop --kube-context (ClusterUp uses its own .nuke/temp/kubeconfig), or deploy to the hardware with ./build.sh DeployProd");
        }
    }

    /// <summary>Checks that the cluster a <c>ClusterUp</c> or <c>StackUp</c> run reaches is not the hardware (by context or API server).</summary>
    /// <param name="declared">The hardware's declaration.</param>
    /// <param name="found">What the connection reaches.</param>
    /// <exception cref="DeployRefusedException">It is the hardware.</exception>
    public static void CheckNotProduction(ClusterDeclaration declared, ClusterIdentity found)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(found);
        CheckNotProductionContext(declared, found.Context);
        if (SameServer(declared.Server, found.Server))
        {
            throw new DeployRefusedException($"refusing to use {found.Server} (context '{found.Context ?? "(none)"}'): it is {declared.Environment}'s API server ({declared.Span.File}:{declared.Span.Line}), and the hardware is never a ClusterUp or StackUp target; hint: check KUBECONFIG and --kubeconfig, which must not point at the hardware for the live pair");
        }
    }

    private static bool SameServer(Uri declared, Uri found) =>
        string.Equals(declared.Scheme, found.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(declared.Host, found.Host, StringComparison.OrdinalIgnoreCase)
        && declared.Port == found.Port;
}

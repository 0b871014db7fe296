using HomeLab.Pipeline.ClusterLifecycle;
using HomeLab.Pipeline.SealedSecrets;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Deploy;

/// <summary>
/// A component: <c>DeployProd</c>, the promotion of the k3s overlays to the hardware — guarded (the context,
/// address and CA that <c>clusters/k3s/environment.yaml</c> declares), planned (a server-side dry-run against the
/// live objects, by wave; <c>--dry-run</c> stops there), confirmed, applied through ArgoCD (installed first, with its
/// own chart and values, on a cluster that has none), recorded, and reversible with <c>--rollback</c>. The cluster is
/// the one <c>--kubeconfig</c> (or <c>KUBECONFIG</c>) and <c>--kube-context</c> name.
/// </summary>
public interface IDeployProd : ISealedSecrets, IClusterLifecycle
{
    /// <summary>Whether to stop after the plan.</summary>
    [Parameter("DeployProd: show (and write as Markdown) what would change, then stop; nothing is written to the cluster.")]
    bool DryRun => TryGetValue<bool?>(() => DryRun) ?? false;

    /// <summary>Whether the plan is confirmed in advance (required without a terminal).</summary>
    [Parameter("DeployProd: go on without asking (required without a terminal; in CI inside a protected environment).")]
    bool Yes => TryGetValue<bool?>(() => Yes) ?? false;

    /// <summary>Whether to go back to the previous recorded revision.</summary>
    [Parameter("DeployProd: re-point the root Application at the revision before the last recorded deployment and wait.")]
    bool Rollback => TryGetValue<bool?>(() => Rollback) ?? false;

    /// <summary>The revision to deploy instead of the pushed HEAD.</summary>
    [Parameter("DeployProd: the commit to deploy (default: HEAD, which must be clean and pushed).")]
    string? Revision => TryGetValue(() => Revision);

    /// <summary>The hardware's environment file.</summary>
    AbsolutePath ProdEnvironment => RootDirectory / "clusters" / "k3s" / "environment.yaml";

    /// <summary>Checks, before anything renders or touches the cluster, that the context is the hardware's and the revision is deployable.</summary>
    Target DeployGuard => _ => _
        .Description("DeployProd's first gate: the kubeconfig context must match the cluster clusters/k3s/environment.yaml declares (context, API server, CA; never k3d's), and the revision must be committed and pushed (or named with --revision).")
        .Before(Render)
        .Executes(async (context, ct) => await ProdDeployment.GuardAsync(this, context, ct).ConfigureAwait(false));

    /// <summary>Promotes the k3s overlays to the hardware.</summary>
    Target DeployProd => _ => _
        .Description("Promotes clusters/k3s to the hardware through ArgoCD: guard, preconditions (rendered completely, valid, sealed for the controller's certificate), plan by wave, confirm, bootstrap ArgoCD on a first deployment, point the root app at the revision, wait wave by wave, record; --dry-run stops after the plan, --rollback goes back.")
        .DependsOn(DeployGuard, Render, Validate, Lint, VerifySealedSecrets)
        .Exclusive("cluster")
        .Executes(async (context, ct) => await ProdDeployment.RunAsync(this, context, ct).ConfigureAwait(false));
}

namespace HomeLab.Pipeline.Updates;

/// <summary>What a pin in the tree pins, which says which Renovate manager must see it.</summary>
public enum PinKind
{
    /// <summary>An ArgoCD Application source's chart version (<c>targetRevision</c> beside <c>chart</c>).</summary>
    ApplicationChart,

    /// <summary>An image tag in a Helm values file, as <c>image: { repository, tag }</c>.</summary>
    ValuesImage,

    /// <summary>An image written as one string, <c>image: repository:tag</c>, in a values file.</summary>
    ValuesImageString,

    /// <summary>A container image in a plain manifest.</summary>
    ManifestImage,

    /// <summary>An image tag in a kustomization's <c>images:</c>.</summary>
    KustomizeImage,

    /// <summary>A GitHub Action in a workflow, <c>uses: owner/repo@ref</c>.</summary>
    WorkflowAction,

    /// <summary>An environment's <c>kubernetesVersion</c>.</summary>
    KubernetesVersion,

    /// <summary>The k3s image k3d runs.</summary>
    K3sImage,

    /// <summary>A tool version pinned in a script or in code (helm, k3d, kubectl).</summary>
    Tool,
}

namespace HomeLab.Manifests.Lint;

/// <summary>The ids of the built-in lint rules (see <see cref="LintRules.All"/>).</summary>
public static class LintRuleIds
{
    /// <summary>A plain <c>Secret</c> is committed; it should be a <c>SealedSecret</c>.</summary>
    public const string NoPlainSecret = "homelab/no-plain-secret";

    /// <summary>A container image has no tag, or the tag <c>latest</c>.</summary>
    public const string ImageTag = "homelab/image-tag";

    /// <summary>A container has no CPU or memory request.</summary>
    public const string ResourceRequests = "homelab/resource-requests";

    /// <summary>A container has no memory limit.</summary>
    public const string MemoryLimit = "homelab/memory-limit";

    /// <summary>A long-running container has no liveness or readiness probe.</summary>
    public const string Probes = "homelab/probes";

    /// <summary>A container may run as root.</summary>
    public const string RunAsNonRoot = "homelab/run-as-non-root";

    /// <summary>A container does not set <c>allowPrivilegeEscalation: false</c>.</summary>
    public const string NoPrivilegeEscalation = "homelab/no-privilege-escalation";

    /// <summary>A container does not set <c>readOnlyRootFilesystem: true</c>.</summary>
    public const string ReadOnlyRoot = "homelab/read-only-root";

    /// <summary>A container is privileged without being allowed to.</summary>
    public const string NoPrivileged = "homelab/no-privileged";

    /// <summary>A pod uses the host's network, PID or IPC namespace without being allowed to.</summary>
    public const string NoHostNamespaces = "homelab/no-host-namespaces";

    /// <summary>A workload's selector does not match its pod template's labels.</summary>
    public const string SelectorMatchesTemplate = "homelab/selector-matches-template";

    /// <summary>A Service's selector matches no pod template in the set.</summary>
    public const string ServiceSelector = "homelab/service-selector";

    /// <summary>A namespace with workloads has no NetworkPolicy.</summary>
    public const string NamespaceNetworkPolicy = "homelab/namespace-network-policy";

    /// <summary>A namespace with workloads has no Istio injection label.</summary>
    public const string NamespaceIstioInjection = "homelab/namespace-istio-injection";

    /// <summary>No mesh-wide <c>PeerAuthentication</c> in STRICT mode.</summary>
    public const string MeshStrictMtls = "homelab/mesh-strict-mtls";

    /// <summary>A workload exposes metrics that no ServiceMonitor or PodMonitor scrapes.</summary>
    public const string MetricsMonitored = "homelab/metrics-monitored";

    /// <summary>A claim names a storage class the environment does not have.</summary>
    public const string StorageClassExists = "homelab/storage-class-exists";

    /// <summary>A <c>nodeSelector</c> or required node affinity no node of the environment satisfies.</summary>
    public const string NodeSelector = "homelab/node-selector";

    /// <summary>A preferred node affinity term no node of the environment satisfies.</summary>
    public const string NodePreference = "homelab/node-preference";

    /// <summary>An ArgoCD Application's AppProject is missing or does not permit its source or destination.</summary>
    public const string ArgoProject = "homelab/argocd-project";

    /// <summary>An ArgoCD Application's chart version is not pinned.</summary>
    public const string ChartVersionPinned = "homelab/chart-version-pinned";

    /// <summary>A custom resource is synced in an earlier wave than its CRD.</summary>
    public const string SyncWaveOrder = "homelab/sync-wave-order";

    /// <summary>An Application is not in a later sync wave than an Application it requires
    /// (<c>homelab.dev/requires</c>), or requires one that is not in the set.</summary>
    public const string WaveRequires = "homelab/wave-requires";

    /// <summary>A group of components exceeds its declared resource budget.</summary>
    public const string ResourceBudget = "homelab/resource-budget";

    /// <summary>A <c>lint.homelab.dev/ignore</c> annotation entry has no reason or names an unknown rule.</summary>
    public const string IgnoreAnnotation = "homelab/ignore-annotation";

    /// <summary>A container's CPU or memory is negative, memory is written in millibytes, or a request exceeds its limit.</summary>
    public const string ResourceValues = "homelab/resource-values";

    /// <summary>A pod or container runs with the root group (<c>runAsGroup: 0</c>).</summary>
    public const string RunAsRootGroup = "homelab/run-as-root-group";

    /// <summary>The lint configuration file has a mistake.</summary>
    public const string Configuration = "lint/configuration";

    /// <summary>The budgets file has a mistake.</summary>
    public const string Budgets = "lint/budgets";
}

namespace HomeLab.Manifests.Objects;

/// <summary>
/// Which kinds live outside namespaces: the built-in ones, and custom kinds as their CustomResourceDefinition's
/// <c>spec.scope</c> says when the CRD is in the set. A custom kind whose CRD is not known is cluster-scoped when its
/// name starts with <c>Cluster</c> (<c>ClusterIssuer</c>, <c>ClusterPolicy</c>, <c>ClusterSecretStore</c>), the
/// convention every project follows.
/// </summary>
public sealed class ClusterScopedKinds
{
    private static readonly HashSet<string> s_builtIn = new(StringComparer.Ordinal)
    {
        "Namespace", "Node", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding",
        "CustomResourceDefinition", "PriorityClass", "IngressClass", "RuntimeClass", "CSIDriver", "CSINode",
        "VolumeAttachment", "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy",
        "MutatingAdmissionPolicyBinding", "ComponentStatus", "CertificateSigningRequest", "FlowSchema",
        "PriorityLevelConfiguration", "VolumeSnapshotClass", "VolumeSnapshotContent",
    };

    // group/kind of every CRD in the set, with whether it is cluster-scoped.
    private readonly Dictionary<string, bool> _custom;

    private ClusterScopedKinds(Dictionary<string, bool> custom) => _custom = custom;

    /// <summary>The built-in kinds only.</summary>
    public static ClusterScopedKinds BuiltIn { get; } = new(new Dictionary<string, bool>(StringComparer.Ordinal));

    /// <summary>The built-in kinds and the custom kinds of the CRDs among some objects.</summary>
    /// <param name="objects">Objects, among them CustomResourceDefinitions.</param>
    /// <returns>The kinds.</returns>
    public static ClusterScopedKinds Of(IEnumerable<KubeObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var custom = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var crd in objects.Where(o => o.Kind == "CustomResourceDefinition" && o.Group == "apiextensions.k8s.io"))
        {
            var spec = crd.Root.GetMap("spec");
            if (spec?.GetString("group") is { } group && spec.GetMap("names")?.GetString("kind") is { } kind)
            {
                custom[group + "/" + kind] = spec.GetString("scope") == "Cluster";
            }
        }

        return custom.Count == 0 ? BuiltIn : new ClusterScopedKinds(custom);
    }

    /// <summary>Whether a kind is one of Kubernetes' own cluster-scoped kinds (what kustomize's namespace transformer skips).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Whether it is built in and cluster-scoped.</returns>
    public static bool IsBuiltIn(string? kind) => kind is not null && s_builtIn.Contains(kind);

    /// <summary>Whether objects of a kind are cluster-scoped.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="group">The API group (empty for core); null when unknown, and then the kind's name decides.</param>
    /// <returns>Whether the kind takes no namespace.</returns>
    public bool Contains(string kind, string? group = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (group is not null && _custom.TryGetValue(group + "/" + kind, out var clusterScoped))
        {
            return clusterScoped;
        }

        return s_builtIn.Contains(kind) || kind.StartsWith("Cluster", StringComparison.Ordinal);
    }
}

namespace HomeLab.Assertions;

/// <summary>Built-in kinds that live outside namespaces, so a test's namespace is not applied to them.</summary>
internal static class ClusterScopedKinds
{
    private static readonly HashSet<string> s_kinds = new(StringComparer.Ordinal)
    {
        "Namespace", "Node", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding",
        "CustomResourceDefinition", "PriorityClass", "IngressClass", "RuntimeClass", "CSIDriver", "CSINode",
        "VolumeAttachment", "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "ClusterIssuer", "ComponentStatus",
        "CertificateSigningRequest", "FlowSchema", "PriorityLevelConfiguration",
    };

    public static bool Contains(string kind) => s_kinds.Contains(kind);
}

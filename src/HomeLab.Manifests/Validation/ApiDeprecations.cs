using System.Collections.Frozen;
using System.Globalization;

namespace HomeLab.Manifests.Validation;

/// <summary>
/// The well-known deprecated and removed Kubernetes APIs, from the Kubernetes deprecated API migration guide
/// (the same facts pluto checks), and how to compare them with a target Kubernetes version.
/// </summary>
public static class ApiDeprecations
{
    private static readonly ApiDeprecation[] Table =
    [
        .. Many(["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"], ["Deployment", "ReplicaSet"], "1.9", "1.16", "apps/v1"),
        .. Many(["extensions/v1beta1", "apps/v1beta2"], ["DaemonSet"], "1.9", "1.16", "apps/v1"),
        .. Many(["apps/v1beta1", "apps/v1beta2"], ["StatefulSet"], "1.9", "1.16", "apps/v1"),
        new("extensions/v1beta1", "NetworkPolicy", V("1.9"), V("1.16"), "networking.k8s.io/v1"),
        new("extensions/v1beta1", "PodSecurityPolicy", V("1.10"), V("1.16"), "policy/v1beta1"),
        new("extensions/v1beta1", "Ingress", V("1.14"), V("1.22"), "networking.k8s.io/v1", "networking.k8s.io/v1 also changes the backend to service.name/service.port and requires pathType"),
        new("networking.k8s.io/v1beta1", "Ingress", V("1.19"), V("1.22"), "networking.k8s.io/v1", "networking.k8s.io/v1 also changes the backend to service.name/service.port and requires pathType"),
        new("networking.k8s.io/v1beta1", "IngressClass", V("1.19"), V("1.22"), "networking.k8s.io/v1"),
        new("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", V("1.16"), V("1.22"), "admissionregistration.k8s.io/v1"),
        new("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", V("1.16"), V("1.22"), "admissionregistration.k8s.io/v1"),
        new("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", V("1.16"), V("1.22"), "apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1 moves the schema to spec.versions[*].schema.openAPIV3Schema and requires a structural schema"),
        new("apiregistration.k8s.io/v1beta1", "APIService", V("1.19"), V("1.22"), "apiregistration.k8s.io/v1"),
        new("authentication.k8s.io/v1beta1", "TokenReview", V("1.19"), V("1.22"), "authentication.k8s.io/v1"),
        .. Many(["authorization.k8s.io/v1beta1"], ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SubjectAccessReview", "SelfSubjectRulesReview"], "1.19", "1.22", "authorization.k8s.io/v1"),
        new("certificates.k8s.io/v1beta1", "CertificateSigningRequest", V("1.19"), V("1.22"), "certificates.k8s.io/v1"),
        new("coordination.k8s.io/v1beta1", "Lease", V("1.19"), V("1.22"), "coordination.k8s.io/v1"),
        .. Many(["rbac.authorization.k8s.io/v1alpha1", "rbac.authorization.k8s.io/v1beta1"], ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], "1.17", "1.22", "rbac.authorization.k8s.io/v1"),
        new("scheduling.k8s.io/v1beta1", "PriorityClass", V("1.14"), V("1.22"), "scheduling.k8s.io/v1"),
        .. Many(["storage.k8s.io/v1beta1"], ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], "1.19", "1.22", "storage.k8s.io/v1"),
        new("batch/v1beta1", "CronJob", V("1.21"), V("1.25"), "batch/v1"),
        new("discovery.k8s.io/v1beta1", "EndpointSlice", V("1.21"), V("1.25"), "discovery.k8s.io/v1"),
        new("events.k8s.io/v1beta1", "Event", V("1.19"), V("1.25"), "events.k8s.io/v1"),
        new("autoscaling/v2beta1", "HorizontalPodAutoscaler", V("1.22"), V("1.25"), "autoscaling/v2"),
        new("policy/v1beta1", "PodDisruptionBudget", V("1.21"), V("1.25"), "policy/v1", "in policy/v1 an empty spec.selector selects every pod in the namespace"),
        new("policy/v1beta1", "PodSecurityPolicy", V("1.21"), V("1.25"), null, "PodSecurityPolicy has no replacement API: use Pod Security Admission (pod-security.kubernetes.io/* namespace labels) or a policy engine"),
        new("node.k8s.io/v1beta1", "RuntimeClass", V("1.20"), V("1.25"), "node.k8s.io/v1"),
        .. Many(["flowcontrol.apiserver.k8s.io/v1beta1"], ["FlowSchema", "PriorityLevelConfiguration"], "1.23", "1.26", "flowcontrol.apiserver.k8s.io/v1"),
        new("autoscaling/v2beta2", "HorizontalPodAutoscaler", V("1.23"), V("1.26"), "autoscaling/v2"),
        new("storage.k8s.io/v1beta1", "CSIStorageCapacity", V("1.24"), V("1.27"), "storage.k8s.io/v1"),
        .. Many(["flowcontrol.apiserver.k8s.io/v1beta2"], ["FlowSchema", "PriorityLevelConfiguration"], "1.26", "1.29", "flowcontrol.apiserver.k8s.io/v1"),
        .. Many(["flowcontrol.apiserver.k8s.io/v1beta3"], ["FlowSchema", "PriorityLevelConfiguration"], "1.29", "1.32", "flowcontrol.apiserver.k8s.io/v1"),
        .. Many(["admissionregistration.k8s.io/v1beta1"], ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"], "1.30", "1.34", "admissionregistration.k8s.io/v1"),
    ];

    private static readonly FrozenDictionary<(string ApiVersion, string Kind), ApiDeprecation> ByKey =
        Table.ToFrozenDictionary(d => (d.ApiVersion, d.Kind));

    /// <summary>Every known deprecation.</summary>
    public static IReadOnlyList<ApiDeprecation> All => Table;

    /// <summary>The deprecation of an apiVersion and kind, whatever the target version.</summary>
    /// <param name="apiVersion">Such as <c>extensions/v1beta1</c>.</param>
    /// <param name="kind">Such as <c>Ingress</c>.</param>
    /// <returns>The deprecation, or null when the API is not deprecated.</returns>
    public static ApiDeprecation? Find(string apiVersion, string kind) => ByKey.GetValueOrDefault((apiVersion, kind));

    /// <summary>Reads a Kubernetes version such as <c>1.32</c>, <c>v1.32.3</c> or <c>1.32.3+k3s1</c> as major.minor.</summary>
    /// <param name="text">The version.</param>
    /// <param name="version">The major and minor version.</param>
    /// <returns>Whether the text is a version.</returns>
    public static bool TryParseKubernetesVersion(string? text, out Version version)
    {
        version = new Version(0, 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().TrimStart('v', 'V').Split('.', '+', '-');
        if (parts.Length < 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new Version(major, minor);
        return true;
    }

    private static Version V(string text) => Version.Parse(text);

    private static IEnumerable<ApiDeprecation> Many(string[] apiVersions, string[] kinds, string deprecatedIn, string removedIn, string replacement) =>
        from apiVersion in apiVersions
        from kind in kinds
        select new ApiDeprecation(apiVersion, kind, V(deprecatedIn), V(removedIn), replacement);
}

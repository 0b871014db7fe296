using System.Collections.Frozen;

namespace HomeLab.Manifests.Validation;

/// <summary>
/// When built-in APIs were first served, so that the API set follows the target Kubernetes version rather than the
/// KubernetesClient models: an API the target does not serve yet is an error, and one the target serves but the
/// models lack (a beta since replaced) is known, not an "unknown kind". Removals are in <see cref="ApiDeprecations"/>.
/// </summary>
internal static class ApiIntroductions
{
    private static readonly FrozenDictionary<(string ApiVersion, string Kind), Version> Table = new (string ApiVersion, string[] Kinds, string AddedIn)[]
    {
        ("networking.k8s.io/v1", ["Ingress", "IngressClass"], "1.19"),
        ("node.k8s.io/v1", ["RuntimeClass"], "1.20"),
        ("batch/v1", ["CronJob"], "1.21"),
        ("policy/v1", ["PodDisruptionBudget"], "1.21"),
        ("discovery.k8s.io/v1", ["EndpointSlice"], "1.21"),
        ("autoscaling/v2", ["HorizontalPodAutoscaler"], "1.23"),
        ("storage.k8s.io/v1", ["CSIStorageCapacity"], "1.24"),
        ("flowcontrol.apiserver.k8s.io/v1beta3", ["FlowSchema", "PriorityLevelConfiguration"], "1.26"),
        ("admissionregistration.k8s.io/v1beta1", ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"], "1.28"),
        ("flowcontrol.apiserver.k8s.io/v1", ["FlowSchema", "PriorityLevelConfiguration"], "1.29"),
        ("admissionregistration.k8s.io/v1", ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"], "1.30"),
        ("networking.k8s.io/v1beta1", ["ServiceCIDR", "IPAddress"], "1.31"),
        ("storage.k8s.io/v1beta1", ["VolumeAttributesClass"], "1.31"),
        ("networking.k8s.io/v1", ["ServiceCIDR", "IPAddress"], "1.33"),
        ("storage.k8s.io/v1", ["VolumeAttributesClass"], "1.34"),
        ("resource.k8s.io/v1", ["DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice"], "1.34"),
    }
    .SelectMany(row => row.Kinds.Select(kind => (Key: (row.ApiVersion, kind), Added: Version.Parse(row.AddedIn))))
    .ToFrozenDictionary(e => e.Key, e => e.Added);

    /// <summary>The Kubernetes version that first served an API; null when it is older than the table goes back.</summary>
    public static Version? AddedIn(string apiVersion, string kind) => Table.GetValueOrDefault((apiVersion, kind));
}

using k8s.Models;

namespace HomeLab.Manifests.Schemas;

/// <summary>
/// Fields the Kubernetes API requires that KubernetesClient's models cannot show: the models mark a required
/// number or boolean by making it non-nullable, but every reference type is nullable-oblivious. These are the
/// <c>required</c> lists of the Kubernetes OpenAPI for the types manifests commonly use; the OpenAPI documents
/// in the schema cache, when present, are authoritative and replace this table.
/// </summary>
internal static class KnownRequiredFields
{
    private static readonly Dictionary<Type, string[]> Table = new()
    {
        [typeof(V1PodSpec)] = ["containers"],
        [typeof(V1Container)] = ["name"],
        [typeof(V1EphemeralContainer)] = ["name"],
        [typeof(V1EnvVar)] = ["name"],
        [typeof(V1VolumeMount)] = ["name", "mountPath"],
        [typeof(V1VolumeDevice)] = ["name", "devicePath"],
        [typeof(V1Volume)] = ["name"],
        [typeof(V1KeyToPath)] = ["key", "path"],
        [typeof(V1ConfigMapKeySelector)] = ["key"],
        [typeof(V1SecretKeySelector)] = ["key"],
        [typeof(V1ObjectFieldSelector)] = ["fieldPath"],
        [typeof(V1ResourceFieldSelector)] = ["resource"],
        [typeof(V1DeploymentSpec)] = ["selector", "template"],
        [typeof(V1StatefulSetSpec)] = ["selector", "template"],
        [typeof(V1DaemonSetSpec)] = ["selector", "template"],
        [typeof(V1ReplicaSetSpec)] = ["selector"],
        [typeof(V1JobSpec)] = ["template"],
        [typeof(V1CronJobSpec)] = ["schedule", "jobTemplate"],
        [typeof(V1LabelSelectorRequirement)] = ["key", "operator"],
        [typeof(V1NodeSelectorRequirement)] = ["key", "operator"],
        [typeof(V1NodeSelector)] = ["nodeSelectorTerms"],
        [typeof(V1PodAffinityTerm)] = ["topologyKey"],
        [typeof(V1WeightedPodAffinityTerm)] = ["podAffinityTerm"],
        [typeof(V1PreferredSchedulingTerm)] = ["preference"],
        [typeof(V1TopologySpreadConstraint)] = ["topologyKey", "whenUnsatisfiable"],
        [typeof(V1HTTPGetAction)] = ["port"],
        [typeof(V1TCPSocketAction)] = ["port"],
        [typeof(V1PersistentVolumeClaimVolumeSource)] = ["claimName"],
        [typeof(V1HostPathVolumeSource)] = ["path"],
        [typeof(V1NFSVolumeSource)] = ["server", "path"],
        [typeof(V1PolicyRule)] = ["verbs"],
        [typeof(V1RoleRef)] = ["apiGroup", "kind", "name"],
        [typeof(Rbacv1Subject)] = ["kind", "name"],
        [typeof(V1RoleBinding)] = ["roleRef"],
        [typeof(V1ClusterRoleBinding)] = ["roleRef"],
        [typeof(V1HTTPIngressPath)] = ["pathType", "backend"],
        [typeof(V1HTTPIngressRuleValue)] = ["paths"],
        [typeof(V1IngressServiceBackend)] = ["name"],
        [typeof(V1CustomResourceDefinitionSpec)] = ["group", "names", "scope", "versions"],
        [typeof(V1CustomResourceDefinitionNames)] = ["plural", "kind"],
        [typeof(V1CustomResourceDefinitionVersion)] = ["name"],
        [typeof(V1HorizontalPodAutoscalerSpec)] = ["scaleTargetRef"],
        [typeof(V2HorizontalPodAutoscalerSpec)] = ["scaleTargetRef"],
        [typeof(V1CrossVersionObjectReference)] = ["kind", "name"],
        [typeof(V2CrossVersionObjectReference)] = ["kind", "name"],
        [typeof(V2MetricSpec)] = ["type"],
        [typeof(V2MetricTarget)] = ["type"],
        [typeof(V1StorageClass)] = ["provisioner"],
        [typeof(V1SeccompProfile)] = ["type"],
        [typeof(V1AppArmorProfile)] = ["type"],
        [typeof(V1OwnerReference)] = ["apiVersion", "kind", "name", "uid"],
        [typeof(V1ValidatingWebhook)] = ["name", "clientConfig", "sideEffects", "admissionReviewVersions"],
        [typeof(V1MutatingWebhook)] = ["name", "clientConfig", "sideEffects", "admissionReviewVersions"],
    };

    /// <summary>The required JSON property names of a model type that the model itself cannot show.</summary>
    /// <param name="modelType">The model type.</param>
    /// <returns>The names; empty when none are known.</returns>
    public static IReadOnlyList<string> For(Type modelType) => Table.TryGetValue(modelType, out var names) ? names : [];
}

using HomeLab.Manifests.Objects;

namespace HomeLab.Manifests.Lint;

/// <summary>One group of pods a budget may count: a workload, or the pods an operator creates for a resource.</summary>
/// <param name="Object">The workload, or the resource the operator creates the pods for.</param>
/// <param name="Name">The pods' name, as the breakdown shows it.</param>
/// <param name="Namespace">Where they run.</param>
/// <param name="PodLabels">The pods' labels.</param>
/// <param name="Replicas">How many pods (a DaemonSet: one per node).</param>
/// <param name="Containers">What each pod's containers take, injected sidecar included.</param>
/// <param name="IsGateway">Whether the pod is an Istio gateway (its proxy is the workload, not a sidecar).</param>
/// <param name="IsManaged">Whether an operator creates the pods for the resource (no workload object templates them).</param>
internal sealed record BudgetMember(KubeObject Object, string Name, string Namespace, IReadOnlyDictionary<string, string> PodLabels, long Replicas, IReadOnlyList<PodResources> Containers, bool IsGateway, bool IsManaged);

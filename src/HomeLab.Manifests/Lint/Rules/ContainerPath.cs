using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>
/// Where a container stands in its workload: the pod spec's <c>containers</c> or <c>initContainers</c> list and
/// the index in it. A value, not a path: the <see cref="FieldPath"/> is built only when a finding needs it, so a
/// clean container costs a rule nothing.
/// </summary>
/// <param name="Workload">The workload.</param>
/// <param name="ListName">The list, <c>containers</c> or <c>initContainers</c>.</param>
/// <param name="Index">The container's index in the list.</param>
internal readonly record struct ContainerPath(Workload Workload, string ListName, int Index)
{
    /// <summary>The container's path, such as <c>spec.template.spec.containers[0]</c>.</summary>
    public FieldPath Build() => Workload.PodSpecPath.Key(ListName).Index(Index);
}

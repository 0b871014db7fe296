using HomeLab.Manifests.Objects;
namespace HomeLab.Manifests.Lint;

/// <summary>What one container (or one pod's worth of containers) asks for and may use, in bytes and cores.</summary>
/// <param name="Name">What it is, such as <c>prometheus</c> or <c>istio-proxy</c>.</param>
/// <param name="CpuRequests">CPU requests, in cores.</param>
/// <param name="CpuLimits">CPU limits, in cores.</param>
/// <param name="MemoryRequests">Memory requests, in bytes.</param>
/// <param name="MemoryLimits">Memory limits, in bytes.</param>
internal sealed record PodResources(string Name, decimal CpuRequests, decimal CpuLimits, decimal MemoryRequests, decimal MemoryLimits)
{
    public decimal Of(BudgetMeasure measure) => measure switch
    {
        BudgetMeasure.MemoryLimits => MemoryLimits,
        BudgetMeasure.CpuLimits => CpuLimits,
        BudgetMeasure.MemoryRequests => MemoryRequests,
        _ => CpuRequests,
    };

    /// <summary>Reads a container's <c>resources</c> map (requests and limits of cpu and memory).</summary>
    public static PodResources Read(string name, Yaml.YamlMap? resources) => new(
        name,
        Amount(resources?.GetMap("requests"), "cpu"),
        Amount(resources?.GetMap("limits"), "cpu"),
        Amount(resources?.GetMap("requests"), "memory"),
        Amount(resources?.GetMap("limits"), "memory"));

    private static decimal Amount(Yaml.YamlMap? section, string resource) =>
        ResourceQuantity.TryParse((section?[resource] as Yaml.YamlScalar)?.AsString(), out var value) ? value : 0;
}

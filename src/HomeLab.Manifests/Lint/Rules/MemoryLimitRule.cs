using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class MemoryLimitRule() : ContainerRule(
    LintRuleIds.MemoryLimit,
    Severity.Error,
    "A container without a memory limit can take a node's memory and get its neighbours killed.",
    includeInitContainers: false)
{
    protected override void CheckContainer(LintContext context, Workload workload, YamlMap container, ContainerPath path)
    {
        if (container.GetMap("resources")?.GetMap("limits")?["memory"] is null)
        {
            context.Report(workload.Object, path.Build().Key("resources").Key("limits").Key("memory"), $"container '{container.GetString("name")}' has no memory limit", "set resources.limits.memory");
        }
    }
}

using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class ResourceRequestsRule() : ContainerRule(
    LintRuleIds.ResourceRequests,
    Severity.Error,
    "Without CPU and memory requests the scheduler packs pods blindly and a small homelab node runs out.",
    includeInitContainers: false)
{
    protected override void CheckContainer(LintContext context, Workload workload, YamlMap container, ContainerPath path)
    {
        var requests = container.GetMap("resources")?.GetMap("requests");
        foreach (var resource in (ReadOnlySpan<string>)["cpu", "memory"])
        {
            if (requests?[resource] is null)
            {
                context.Report(workload.Object, path.Build().Key("resources").Key("requests").Key(resource), $"container '{container.GetString("name")}' has no {resource} request", $"set resources.requests.{resource}");
            }
        }
    }
}

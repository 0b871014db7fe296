using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class ProbesRule() : ContainerRule(
    LintRuleIds.Probes,
    Severity.Warning,
    "Without liveness and readiness probes a hung container keeps running and a starting one gets traffic.",
    includeInitContainers: false)
{
    protected override bool AppliesTo(LintContext context, Workload workload) => workload.IsLongRunning;

    protected override void CheckContainer(LintContext context, Workload workload, YamlMap container, ContainerPath path)
    {
        foreach (var probe in (ReadOnlySpan<string>)["livenessProbe", "readinessProbe"])
        {
            if (container[probe] is null)
            {
                context.Report(workload.Object, path.Build().Key(probe), $"container '{container.GetString("name")}' has no {probe}", $"add {probe} (httpGet, tcpSocket, grpc or exec)");
            }
        }
    }
}

using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>No container runs with the root group: <c>runAsGroup: 0</c> on the container, or on the pod when the container sets none.</summary>
internal sealed class RunAsRootGroupRule() : ContainerRule(
    LintRuleIds.RunAsRootGroup,
    Severity.Warning,
    "A process in the root group can read and write every file the root group owns, on the image and on mounted volumes.",
    includeInitContainers: true)
{
    protected override void CheckContainer(LintContext context, Workload workload, YamlMap container, ContainerPath path)
    {
        if (SecuritySetting(workload, container, "runAsGroup", podLevel: true) is { } group && group.AsInt64() == 0)
        {
            var at = container.GetMap("securityContext")?["runAsGroup"] is not null ? path.Build() : workload.PodSpecPath;
            context.Report(workload.Object, at.Key("securityContext").Key("runAsGroup"), $"container '{container.GetString("name")}' runs with the root group (runAsGroup: 0)", "set runAsGroup to a non-zero group, such as 1000");
        }
    }
}

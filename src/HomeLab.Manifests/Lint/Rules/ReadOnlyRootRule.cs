using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class ReadOnlyRootRule() : ContainerRule(
    LintRuleIds.ReadOnlyRoot,
    Severity.Warning,
    "A read-only root filesystem stops an attacker from dropping tools into the container; write to mounted volumes instead.",
    includeInitContainers: true)
{
    protected override void CheckContainer(LintContext context, Workload workload, YamlMap container, ContainerPath path)
    {
        if (SecuritySetting(workload, container, "readOnlyRootFilesystem", podLevel: false)?.AsBool() != true)
        {
            context.Report(workload.Object, path.Build().Key("securityContext").Key("readOnlyRootFilesystem"), $"container '{container.GetString("name")}' has a writable root filesystem", "set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where it must write");
        }
    }
}

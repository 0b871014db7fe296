using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class NoPrivilegeEscalationRule() : ContainerRule(
    LintRuleIds.NoPrivilegeEscalation,
    Severity.Error,
    "allowPrivilegeEscalation defaults to true, letting setuid binaries gain privileges the container was not given.",
    includeInitContainers: true)
{
    protected override void CheckContainer(LintContext context, Workload workload, YamlMap container, ContainerPath path)
    {
        if (SecuritySetting(workload, container, "allowPrivilegeEscalation", podLevel: false)?.AsBool() != false)
        {
            context.Report(workload.Object, path.Build().Key("securityContext").Key("allowPrivilegeEscalation"), $"container '{container.GetString("name")}' does not set allowPrivilegeEscalation: false", "set securityContext.allowPrivilegeEscalation: false");
        }
    }
}

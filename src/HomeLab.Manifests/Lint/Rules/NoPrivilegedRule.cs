using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class NoPrivilegedRule() : ContainerRule(
    LintRuleIds.NoPrivileged,
    Severity.Error,
    "A privileged container has every capability and the host's devices: it is root on the node.",
    includeInitContainers: true)
{
    protected override bool AppliesTo(LintContext context, Workload workload) =>
        !LintConfiguration.IsAllowed(context.Configuration.AllowPrivileged, workload.Namespace, workload.Object.Name ?? string.Empty);

    protected override void CheckContainer(LintContext context, Workload workload, YamlMap container, ContainerPath path)
    {
        if (SecuritySetting(workload, container, "privileged", podLevel: false)?.AsBool() == true)
        {
            context.Report(workload.Object, path.Build().Key("securityContext").Key("privileged"), $"container '{container.GetString("name")}' is privileged", $"drop privileged, or allow {workload.Namespace}/{workload.Object.Name} under allow.privileged in {LintConfiguration.DefaultPath}");
        }
    }
}

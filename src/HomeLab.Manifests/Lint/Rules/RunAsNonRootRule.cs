using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class RunAsNonRootRule() : ContainerRule(
    LintRuleIds.RunAsNonRoot,
    Severity.Error,
    "A process running as root turns a container escape into a node takeover.",
    includeInitContainers: true)
{
    protected override void CheckContainer(LintContext context, Workload workload, YamlMap container, ContainerPath path)
    {
        var nonRoot = SecuritySetting(workload, container, "runAsNonRoot", podLevel: true);
        var user = SecuritySetting(workload, container, "runAsUser", podLevel: true);
        var name = container.GetString("name");
        if (user?.AsInt64() == 0)
        {
            context.Report(workload.Object, PathOf(workload, container, path, "runAsUser"), $"container '{name}' runs as user 0 (root)", "run as a non-zero user and set runAsNonRoot: true");
        }
        else if (nonRoot?.AsBool() != true && !(user?.AsInt64() > 0))
        {
            context.Report(workload.Object, PathOf(workload, container, path, "runAsNonRoot"), $"container '{name}' may run as root", "set securityContext.runAsNonRoot: true (pod or container)");
        }
    }

    private static FieldPath PathOf(Workload workload, YamlMap container, ContainerPath path, string key) =>
        container.GetMap("securityContext")?[key] is null && workload.PodSpec.GetMap("securityContext")?[key] is not null
            ? workload.PodSpecPath.Key("securityContext").Key(key)
            : path.Build().Key("securityContext").Key(key);
}

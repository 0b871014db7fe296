using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>A workload exposes metrics when a container port is named <c>metrics</c> or <c>http-metrics</c>, or its
/// pod template is annotated <c>prometheus.io/scrape: "true"</c>. It is monitored when a PodMonitor selects its pods,
/// or a ServiceMonitor selects a Service whose selector targets its pods, each within the monitor's namespace
/// selection (<c>any</c>, <c>matchNames</c>, or the monitor's own namespace).</summary>
internal sealed class MetricsMonitoredRule() : LintRule(
    LintRuleIds.MetricsMonitored,
    Severity.Warning,
    "Metrics nobody scrapes are invisible: Prometheus (operator) only scrapes what a ServiceMonitor or PodMonitor selects.")
{
    private const string Group = "monitoring.coreos.com";

    public override void Check(LintContext context)
    {
        List<KubeObject>? podMonitors = null;
        List<KubeObject>? serviceMonitors = null;
        foreach (var workload in context.Workloads)
        {
            if (MetricsField(workload) is not { } field)
            {
                continue;
            }

            podMonitors ??= [.. context.OfKind(Group, "PodMonitor")];
            serviceMonitors ??= [.. context.OfKind(Group, "ServiceMonitor")];
            if (!IsMonitored(context, workload, podMonitors, serviceMonitors))
            {
                context.Report(workload.Object, field, $"{workload.Object.Kind} '{workload.Object.Name}' exposes metrics that no ServiceMonitor or PodMonitor selects", "add a ServiceMonitor for its Service (or a PodMonitor for its pods)");
            }
        }
    }

    private static FieldPath? MetricsField(Workload workload)
    {
        if (workload.TemplateAnnotations?.GetString("prometheus.io/scrape") == "true")
        {
            return workload.TemplateMetadataPath.Key("annotations").Key("prometheus.io/scrape");
        }

        foreach (var (container, index) in workload.Containers)
        {
            if (container.GetList("ports") is not { } ports)
            {
                continue;
            }

            for (var i = 0; i < ports.Count; i++)
            {
                if (ports[i] is YamlMap port && port.GetString("name") is "metrics" or "http-metrics")
                {
                    return workload.ContainerPath(index).Key("ports").Index(i).Key("name");
                }
            }
        }

        return null;
    }

    private static bool IsMonitored(LintContext context, Workload workload, List<KubeObject> podMonitors, List<KubeObject> serviceMonitors)
    {
        foreach (var monitor in podMonitors)
        {
            if (Selects(monitor, workload.Namespace, workload.TemplateLabels))
            {
                return true;
            }
        }

        if (serviceMonitors.Count == 0)
        {
            return false;
        }

        foreach (var service in context.InNamespace(workload.Namespace))
        {
            if (service.Kind != "Service" || service.Group.Length != 0
                || service.Root.GetMap("spec")?.GetMap("selector") is not { Count: > 0 } selector
                || !LabelSelector.MatchesLabels(selector, workload.TemplateLabels))
            {
                continue;
            }

            foreach (var monitor in serviceMonitors)
            {
                if (Selects(monitor, workload.Namespace, service.Labels))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Selects(KubeObject monitor, string ns, IReadOnlyDictionary<string, string> labels)
    {
        var spec = monitor.Root.GetMap("spec");
        if (spec?.GetMap("selector") is not { } selector || !InNamespaces(spec.GetMap("namespaceSelector"), LintContext.NamespaceOf(monitor), ns))
        {
            return false;
        }

        return LabelSelector.Matches(selector, labels);
    }

    private static bool InNamespaces(YamlMap? namespaceSelector, string monitorNamespace, string ns)
    {
        if (namespaceSelector is null)
        {
            return ns == monitorNamespace;
        }

        if ((namespaceSelector["any"] as YamlScalar)?.AsBool() == true)
        {
            return true;
        }

        return namespaceSelector.GetList("matchNames") is { } names
            ? names.Items.Any(n => n is YamlScalar s && s.Value == ns)
            : ns == monitorNamespace;
    }
}

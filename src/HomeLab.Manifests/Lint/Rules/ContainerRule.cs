using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>A rule that looks at each container of each workload on its own.</summary>
internal abstract class ContainerRule(string id, Severity severity, string rationale, bool includeInitContainers) : LintRule(id, severity, rationale)
{
    public override void Check(LintContext context)
    {
        foreach (var workload in context.Workloads)
        {
            if (!AppliesTo(context, workload))
            {
                continue;
            }

            CheckList(context, workload, "containers");
            if (includeInitContainers)
            {
                CheckList(context, workload, "initContainers");
            }
        }
    }

    protected virtual bool AppliesTo(LintContext context, Workload workload) => true;

    protected abstract void CheckContainer(LintContext context, Workload workload, YamlMap container, ContainerPath path);

    /// <summary>A container's security context setting, falling back to the pod's where Kubernetes does.</summary>
    protected static YamlScalar? SecuritySetting(Workload workload, YamlMap container, string key, bool podLevel) =>
        container.GetMap("securityContext")?[key] as YamlScalar
        ?? (podLevel ? workload.PodSpec.GetMap("securityContext")?[key] as YamlScalar : null);

    private void CheckList(LintContext context, Workload workload, string listName)
    {
        if (workload.PodSpec.GetList(listName) is not { } list)
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is YamlMap container)
            {
                CheckContainer(context, workload, container, new ContainerPath(workload, listName, i));
            }
        }
    }
}

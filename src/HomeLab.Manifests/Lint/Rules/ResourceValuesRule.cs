using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>
/// A container's resources say what was meant: no negative CPU or memory, no memory in millibytes (<c>100m</c> is a
/// tenth of a byte; <c>100Mi</c> was meant), and no request above its limit, which Kubernetes rejects.
/// </summary>
internal sealed class ResourceValuesRule() : ContainerRule(
    LintRuleIds.ResourceValues,
    Severity.Error,
    "Kubernetes rejects negative resources and requests above limits, and reads memory: 100m as a tenth of a byte.",
    includeInitContainers: true)
{
    private static readonly string[] Names = ["cpu", "memory", "ephemeral-storage"];

    protected override void CheckContainer(LintContext context, Workload workload, YamlMap container, ContainerPath path)
    {
        if (container.GetMap("resources") is not { } resources)
        {
            return;
        }

        var name = container.GetString("name");
        var requests = resources.GetMap("requests");
        var limits = resources.GetMap("limits");
        foreach (var resource in Names)
        {
            var request = Check(context, workload, requests, resource, path, "requests", name);
            var limit = Check(context, workload, limits, resource, path, "limits", name);
            if (request is { } r && limit is { } l && r.Value > l.Value)
            {
                context.Report(workload.Object, At(path, "requests", resource), $"container '{name}' requests {r.Text} {resource}, more than its limit of {l.Text}", "raise the limit or lower the request; Kubernetes rejects a request above its limit");
            }
        }
    }

    private static (decimal Value, string Text)? Check(LintContext context, Workload workload, YamlMap? map, string resource, ContainerPath container, string section, string? name)
    {
        if (map?[resource] is not YamlScalar { IsNull: false } scalar)
        {
            return null;
        }

        var text = scalar.Value.Trim();
        if (text.StartsWith('-'))
        {
            context.Report(workload.Object, At(container, section, resource), $"container '{name}' has a negative {resource} ({text})", "resources are zero or more");
            return null;
        }

        if (!ResourceQuantity.TryParse(text, out var value))
        {
            return null; // not a quantity at all: schema validation reports it
        }

        if (resource != "cpu" && text.EndsWith('m'))
        {
            context.Report(workload.Object, At(container, section, resource), $"container '{name}' asks for {resource} {text}, which is {value:0.###} bytes (m means thousandths)", $"write {text[..^1]}Mi for mebibytes, or {text[..^1]}M for megabytes");
        }

        return (value, text);
    }

    private static FieldPath At(ContainerPath container, string section, string resource) => container.Build().Key("resources").Key(section).Key(resource);
}

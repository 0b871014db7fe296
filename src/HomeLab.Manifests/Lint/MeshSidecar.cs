using System.Text.Json;
using System.Text.Json.Nodes;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// The Istio sidecar the injection webhook adds to a pod: in a namespace labelled <c>istio-injection: enabled</c>
/// (or <c>istio.io/rev</c>) unless the pod opts out (<c>sidecar.istio.io/inject: "false"</c>, label or annotation),
/// sized by istiod's <c>global.proxy.resources</c> (its <c>istio-sidecar-injector</c> ConfigMap) or the pod's
/// <c>sidecar.istio.io/proxy*</c> annotations. Gateways (<c>inject.istio.io/templates</c>) are the proxy itself.
/// </summary>
internal sealed class MeshSidecar
{
    /// <summary>The name of the injected container.</summary>
    internal const string ContainerName = "istio-proxy";

    private const string Inject = "sidecar.istio.io/inject";
    private readonly HashSet<string> _injected = new(StringComparer.Ordinal);
    private readonly PodResources _defaults;

    private MeshSidecar(PodResources defaults) => _defaults = defaults;

    public static MeshSidecar In(IReadOnlyList<KubeObject> objects)
    {
        var defaults = new PodResources(ContainerName, 0, 0, 0, 0);
        foreach (var obj in objects)
        {
            if (obj.Kind == "ConfigMap" && obj.Group.Length == 0 && obj.Name == "istio-sidecar-injector"
                && obj.Root.GetMap("data")?.GetString("values") is { } values && ProxyResources(values) is { } resources)
            {
                defaults = resources;
            }
        }

        var sidecar = new MeshSidecar(defaults);
        foreach (var obj in objects)
        {
            if (obj.Kind == "Namespace" && obj.Group.Length == 0 && obj.Name is { } name
                && (obj.Labels.GetValueOrDefault("istio-injection") == "enabled" || (!obj.Labels.ContainsKey("istio-injection") && obj.Labels.ContainsKey("istio.io/rev"))))
            {
                sidecar._injected.Add(name);
            }
        }

        return sidecar;
    }

    /// <summary>The sidecar a pod gets, or null when it gets none.</summary>
    public PodResources? For(string ns, IReadOnlyDictionary<string, string> labels, YamlMap? annotations, bool hostNetwork = false)
    {
        var annotated = KubeObject.ReadStrings(annotations);
        if (hostNetwork || annotated.ContainsKey("inject.istio.io/templates"))
        {
            return null;
        }

        var choice = labels.GetValueOrDefault(Inject) ?? annotated.GetValueOrDefault(Inject);
        var injected = choice is null ? _injected.Contains(ns) : choice == "true" || (choice != "false" && _injected.Contains(ns));
        if (!injected)
        {
            return null;
        }

        return new PodResources(
            ContainerName,
            Override(annotated, "proxyCPU", _defaults.CpuRequests),
            Override(annotated, "proxyCPULimit", _defaults.CpuLimits),
            Override(annotated, "proxyMemory", _defaults.MemoryRequests),
            Override(annotated, "proxyMemoryLimit", _defaults.MemoryLimits));
    }

    private static decimal Override(Dictionary<string, string> annotations, string key, decimal fallback) =>
        annotations.TryGetValue("sidecar.istio.io/" + key, out var text) && ResourceQuantity.TryParse(text, out var value) ? value : fallback;

    private static PodResources? ProxyResources(string values)
    {
        try
        {
            if (JsonNode.Parse(values)?["global"]?["proxy"]?["resources"] is not JsonObject resources)
            {
                return null;
            }

            return new PodResources(ContainerName, Amount(resources, "requests", "cpu"), Amount(resources, "limits", "cpu"), Amount(resources, "requests", "memory"), Amount(resources, "limits", "memory"));
        }
        catch (JsonException)
        {
            return null; // Not istiod's JSON: keep the defaults.
        }
    }

    private static decimal Amount(JsonObject resources, string section, string resource) =>
        resources[section]?[resource] is JsonValue value && ResourceQuantity.TryParse(value.ToString(), out var amount) ? amount : 0;
}

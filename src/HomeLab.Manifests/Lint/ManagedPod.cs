using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// Pods that run although no workload object in the set templates them: those the Prometheus Operator creates for
/// each <c>Prometheus</c> and <c>Alertmanager</c> resource (their <c>spec.resources</c> plus the config reloader the
/// operator adds), and the components k3s itself runs in <c>kube-system</c> (CoreDNS, metrics-server, the
/// local-path provisioner). Services may select them, and budgets count them.
/// </summary>
/// <param name="Owner">The resource the operator creates the pods for; null for k3s' own components.</param>
/// <param name="Name">The pods' name prefix, such as <c>prometheus-kube-prometheus-stack-prometheus</c>.</param>
/// <param name="Namespace">Where they run.</param>
/// <param name="Labels">The pods' labels.</param>
/// <param name="Annotations">The pods' annotations (such as the sidecar opt-out); null when none.</param>
/// <param name="Replicas">How many pods.</param>
/// <param name="Containers">Each container's resources.</param>
internal sealed record ManagedPod(KubeObject? Owner, string Name, string Namespace, IReadOnlyDictionary<string, string> Labels, YamlMap? Annotations, long Replicas, IReadOnlyList<PodResources> Containers)
{
    private const string OperatorGroup = "monitoring.coreos.com";

    // The labels k3s' bundled manifests give their pods (k3s/manifests: coredns.yaml, metrics-server, local-storage.yaml).
    private static readonly (string Name, string Label, string Value)[] K3sComponents =
    [
        ("coredns", "k8s-app", "kube-dns"),
        ("metrics-server", "k8s-app", "metrics-server"),
        ("local-path-provisioner", "app", "local-path-provisioner"),
    ];

    /// <summary>Every managed pod group of a set of objects.</summary>
    public static List<ManagedPod> In(IReadOnlyList<KubeObject> objects)
    {
        var pods = K3sComponents
            .Select(c => new ManagedPod(null, c.Name, "kube-system", new Dictionary<string, string>(StringComparer.Ordinal) { [c.Label] = c.Value }, null, 1, []))
            .ToList();
        var reloader = ConfigReloader(objects);
        foreach (var obj in objects)
        {
            if (obj.Group != OperatorGroup || obj.Kind is not ("Prometheus" or "Alertmanager") || obj.Name is not { } name || obj.Root.GetMap("spec") is not { } spec)
            {
                continue;
            }

            var kind = obj.Kind.ToLowerInvariant();
            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["app.kubernetes.io/name"] = kind,
                ["app.kubernetes.io/instance"] = name,
                ["app.kubernetes.io/managed-by"] = "prometheus-operator",
                [kind] = name,
                ["operator.prometheus.io/name"] = name,
            };
            if (obj.Kind == "Prometheus")
            {
                labels["operator.prometheus.io/shard"] = "0";
            }

            var metadata = spec.GetMap("podMetadata");
            foreach (var (key, value) in KubeObject.ReadStrings(metadata?.GetMap("labels")))
            {
                labels.TryAdd(key, value);
            }

            var replicas = (spec["replicas"] as YamlScalar)?.AsInt64() ?? 1;
            var shards = obj.Kind == "Prometheus" ? Math.Max(1, (spec["shards"] as YamlScalar)?.AsInt64() ?? 1) : 1;
            var containers = new List<PodResources> { PodResources.Read(kind, spec.GetMap("resources")), reloader with { Name = "config-reloader" } };
            pods.Add(new ManagedPod(obj, $"{kind}-{name}", LintContext.NamespaceOf(obj), labels, metadata?.GetMap("annotations"), replicas * shards, containers));
        }

        return pods;
    }

    // The operator gives every pod it creates a config-reloader container sized by its --config-reloader-* flags.
    private static PodResources ConfigReloader(IReadOnlyList<KubeObject> objects)
    {
        var flags = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var obj in objects)
        {
            if (obj.Kind != "Deployment" || Workload.From(obj) is not { } workload)
            {
                continue;
            }

            foreach (var (container, _) in workload.Containers)
            {
                foreach (var arg in container.GetList("args")?.Items.OfType<YamlScalar>() ?? [])
                {
                    const string Prefix = "--config-reloader-";
                    var text = arg.Value;
                    var equals = text.IndexOf('=', StringComparison.Ordinal);
                    if (text.StartsWith(Prefix, StringComparison.Ordinal) && equals > 0 && ResourceQuantity.TryParse(text[(equals + 1)..], out var value))
                    {
                        flags[text[Prefix.Length..equals]] = value;
                    }
                }
            }
        }

        return new PodResources("config-reloader", flags.GetValueOrDefault("cpu-request"), flags.GetValueOrDefault("cpu-limit"), flags.GetValueOrDefault("memory-request"), flags.GetValueOrDefault("memory-limit"));
    }
}

using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Environments;

/// <summary>
/// Reads one environment file (<c>clusters/&lt;name&gt;/environment.yaml</c>) into an <see cref="EnvironmentDefinition"/>,
/// checking its network: CIDRs parse, and the pod and service ranges overlap neither each other, the LAN nor the
/// load-balancer pool. Mistakes are findings at the file's line, never exceptions.
/// </summary>
/// <example>
/// <code>
/// kubernetesVersion: v1.32.4
/// nodes:
///   - name: server-0
///     roles: [server]
///     labels: { hardware/zigbee: "true" }
///     capacity: { cpu: "4", memory: 8Gi }
/// storageClasses:
///   - { name: local-path, provisioner: rancher.io/local-path, default: true }
/// network:
///   size: medium            # small (/24), medium (/20), large (/16, the default)
///   podCidr: 10.42.0.0/16   # default 10.42.0.0 with the size's prefix
///   serviceCidr: 10.43.0.0/16
///   lanCidr: 192.168.1.0/24
///   loadBalancerPool: 192.168.1.240-192.168.1.250
/// render:
///   kustomizations: [.]     # paths relative to this directory
///   charts: [{ path: ../../charts/web, release: web, namespace: web, valueFiles: [values-k3s.yaml] }]
///   applications: [../../manifests/argocd]
///   repositoryUrls: [https://github.com/example/homelab]
/// </code>
/// </example>
public static class EnvironmentFile
{
    /// <summary>Reads an environment file.</summary>
    /// <param name="path">The file; its directory's name is the environment's name.</param>
    /// <returns>The environment (null when the file cannot be read as one) and the problems found.</returns>
    public static (EnvironmentDefinition? Environment, IReadOnlyList<Finding> Findings) Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var loaded = YamlLoader.Default.LoadFile(path);
        var findings = new List<Finding>(loaded.Findings);
        if (loaded.HasErrors)
        {
            return (null, findings);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var name = Path.GetFileName(directory);
        if (loaded.Documents.Count == 0 || loaded.Documents[0].Root is not YamlMap root)
        {
            findings.Add(Invalid(loaded.Documents.Count == 0 ? SourceSpan.At(path, 1, 1) : loaded.Documents[0].Span, "the environment file must be a mapping", "see EnvironmentFile's documentation for the fields"));
            return (null, findings);
        }

        var reader = new Reader(path, findings);
        if (root.TryGetEntry("name", out var nameEntry) && reader.Text(nameEntry.Value, "name") is { } declared && declared != name)
        {
            findings.Add(Invalid(nameEntry.Value.Span, $"the environment is named '{declared}' but its directory is '{name}'", $"rename the directory or set name: {name}"));
        }

        var environment = new EnvironmentDefinition(
            name,
            directory,
            Path.GetFullPath(path),
            reader.Text(root["kubernetesVersion"], "kubernetesVersion"),
            reader.Items(root, "nodes", reader.Node),
            reader.Items(root, "storageClasses", reader.StorageClass),
            ReadNetwork(root.GetMap("network"), reader, findings, path),
            ReadRender(root["render"], directory, reader, findings),
            root);
        return (environment, findings);
    }

    private static NetworkSettings ReadNetwork(YamlMap? network, Reader reader, List<Finding> findings, string file)
    {
        var size = NetworkSize.Large;
        if (network?["size"] is { } sizeNode)
        {
            switch (reader.Text(sizeNode, "network.size"))
            {
                case "small": size = NetworkSize.Small; break;
                case "medium": size = NetworkSize.Medium; break;
                case "large": size = NetworkSize.Large; break;
                case { } other:
                    findings.Add(Invalid(sizeNode.Span, $"network.size '{other}' is not a preset", "use small (/24), medium (/20) or large (/16, the default)"));
                    break;
            }
        }

        var prefix = NetworkSettings.PrefixLengthOf(size);
        var pods = Range(network, "podCidr", $"10.42.0.0/{prefix}", reader, findings);
        var services = Range(network, "serviceCidr", $"10.43.0.0/{prefix}", reader, findings);
        var lan = Range(network, "lanCidr", null, reader, findings);
        var pool = Range(network, "loadBalancerPool", null, reader, findings);

        CheckApart(pods, services, findings, file);
        foreach (var inner in new[] { pods, services })
        {
            CheckApart(inner, lan, findings, file);
            CheckApart(inner, pool, findings, file);
        }

        if (lan is { Range: { } lanRange } && pool is { Range: { } poolRange, Node: { } poolNode } && !lanRange.Contains(poolRange))
        {
            findings.Add(new Finding(EnvironmentRuleIds.PoolOutsideLan, Severity.Warning, $"the load-balancer pool {poolRange} lies outside the LAN {lanRange}")
            {
                Span = poolNode.Span,
                FieldPath = "network.loadBalancerPool",
                Hint = "load-balancer addresses must be reachable on the LAN: pick addresses inside lanCidr that DHCP does not hand out",
            });
        }

        return new NetworkSettings(
            size,
            pods.Range ?? Default($"10.42.0.0/{prefix}"),
            services.Range ?? Default($"10.43.0.0/{prefix}"),
            lan.Range,
            pool.Range);
    }

    private static AddressRange Default(string text) => AddressRange.TryParse(text, out var range, out _) ? range : throw new InvalidOperationException(text);

    private static NamedRange Range(YamlMap? network, string key, string? fallback, Reader reader, List<Finding> findings)
    {
        if (network?[key] is not { } node)
        {
            return new NamedRange(key, fallback is null ? null : Default(fallback), null);
        }

        if (reader.Text(node, $"network.{key}") is not { } text)
        {
            return new NamedRange(key, null, node);
        }

        if (!AddressRange.TryParse(text, out var range, out var error))
        {
            findings.Add(new Finding(EnvironmentRuleIds.InvalidRange, Severity.Error, $"network.{key}: {error}")
            {
                Span = node.Span,
                FieldPath = $"network.{key}",
                Hint = key == "loadBalancerPool" ? "write a CIDR such as 192.168.1.240/28 or a range such as 192.168.1.240-192.168.1.250" : "write a CIDR such as 10.42.0.0/16",
            });
            return new NamedRange(key, null, node);
        }

        return new NamedRange(key, range, node);
    }

    private static void CheckApart(NamedRange a, NamedRange b, List<Finding> findings, string file)
    {
        if (a.Range is null || b.Range is null || !a.Range.Overlaps(b.Range))
        {
            return;
        }

        // Report at whichever of the two the user wrote last in the file; a default range has no line.
        var at = (a.Node, b.Node) switch
        {
            ({ } x, { } y) => x.Span.Line >= y.Span.Line ? x.Span : y.Span,
            ({ } x, null) => x.Span,
            (null, { } y) => y.Span,
            _ => SourceSpan.At(file, 1, 1),
        };
        var described = (NamedRange r) => r.Node is null ? $"{r.Key} {r.Range} (the default)" : $"{r.Key} {r.Range}";
        findings.Add(new Finding(EnvironmentRuleIds.OverlappingRanges, Severity.Error, $"{described(a)} overlaps {described(b)}")
        {
            Span = at,
            FieldPath = $"network.{(at == a.Node?.Span ? a.Key : b.Key)}",
            Hint = "pod, service, LAN and load-balancer addresses must not share addresses, or traffic goes to the wrong place; pick disjoint ranges",
        });
    }

    private static RenderSources ReadRender(YamlNode? node, string directory, Reader reader, List<Finding> findings)
    {
        if (node is not YamlMap render)
        {
            if (node is not null)
            {
                findings.Add(Invalid(node.Span, "render must be a mapping", "give render.kustomizations, render.charts, render.applications"));
            }

            // With nothing said, an environment directory that is a kustomization renders itself.
            return HasKustomization(directory)
                ? RenderSources.None with { Kustomizations = [new RenderPath(directory, SourceSpan.None)] }
                : RenderSources.None;
        }

        var kustomizations = reader.Items(render, "kustomizations", n => reader.Path(n, directory, "render.kustomizations", findings));
        var applications = reader.Items(render, "applications", n => reader.Path(n, directory, "render.applications", findings));
        var charts = reader.Items(render, "charts", n => ReadChart(n, directory, reader, findings));
        var urls = reader.Items(render, "repositoryUrls", n => reader.Text(n, "render.repositoryUrls"));
        return new RenderSources(kustomizations, charts, applications, urls);
    }

    private static ChartSource? ReadChart(YamlNode node, string directory, Reader reader, List<Finding> findings)
    {
        if (node is not YamlMap chart)
        {
            findings.Add(Invalid(node.Span, "a chart must be a mapping with path, release, namespace and valueFiles", "write - { path: ../../charts/web, release: web }"));
            return null;
        }

        if (chart["path"] is not { } pathNode || reader.Path(pathNode, directory, "render.charts[].path", findings) is not { } path)
        {
            if (chart["path"] is null)
            {
                findings.Add(Invalid(chart.Span, "a chart needs a path", "give the chart's directory, relative to the environment file"));
            }

            return null;
        }

        var valueFiles = reader.Items(chart, "valueFiles", n => reader.Path(n, directory, "render.charts[].valueFiles", findings)?.Path);
        var release = reader.Text(chart["release"], "release") ?? System.IO.Path.GetFileName(path.Path);
        return new ChartSource(path.Path, release, reader.Text(chart["namespace"], "namespace"), valueFiles, chart.Span);
    }

    private static bool HasKustomization(string directory) =>
        File.Exists(Path.Combine(directory, "kustomization.yaml")) || File.Exists(Path.Combine(directory, "kustomization.yml")) || File.Exists(Path.Combine(directory, "Kustomization"));

    private static Finding Invalid(SourceSpan span, string message, string hint) =>
        new(EnvironmentRuleIds.InvalidField, Severity.Error, message) { Span = span, Hint = hint };

    private sealed record NamedRange(string Key, AddressRange? Range, YamlNode? Node);

    private sealed class Reader(string file, List<Finding> findings)
    {
        public string? Text(YamlNode? node, string field)
        {
            switch (node)
            {
                case null:
                    return null;
                case YamlScalar { IsNull: false } scalar:
                    return scalar.Value;
                case YamlScalar:
                    return null;
                default:
                    findings.Add(Invalid(node.Span, $"{field} must be a single value", $"write {field}: <value>"));
                    return null;
            }
        }

        public IReadOnlyList<T> Items<T>(YamlMap map, string key, Func<YamlNode, T?> read)
        {
            var node = map[key];
            if (node is null || node is YamlScalar { IsNull: true })
            {
                return [];
            }

            if (node is not YamlList list)
            {
                findings.Add(Invalid(node.Span, $"{key} must be a list", $"write each of {key} on its own line starting with '- '"));
                return [];
            }

            var items = new List<T>(list.Count);
            foreach (var item in list.Items)
            {
                if (read(item) is { } value)
                {
                    items.Add(value);
                }
            }

            return items;
        }

        public ClusterNode? Node(YamlNode node)
        {
            if (node is not YamlMap map || Text(map["name"], "nodes[].name") is not { } name)
            {
                findings.Add(Invalid(node.Span, "a node needs a name", "write - name: server-0"));
                return null;
            }

            var roles = Items(map, "roles", n => Text(n, "roles"));
            return new ClusterNode(name, roles, Strings(map.GetMap("labels")), Strings(map.GetMap("capacity")));
        }

        public StorageClassDefinition? StorageClass(YamlNode node)
        {
            if (node is not YamlMap map || Text(map["name"], "storageClasses[].name") is not { } name)
            {
                findings.Add(Invalid(node.Span, "a storage class needs a name", "write - name: local-path"));
                return null;
            }

            return new StorageClassDefinition(name, Text(map["provisioner"], "provisioner"), (map["default"] as YamlScalar)?.AsBool() ?? false);
        }

        public RenderPath? Path(YamlNode node, string directory, string field, List<Finding> found)
        {
            if (Text(node, field) is not { } text)
            {
                return null;
            }

            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, text));
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                found.Add(new Finding(EnvironmentRuleIds.RenderPathNotFound, Severity.Error, $"{field}: '{text}' does not exist (looked for {full})")
                {
                    Span = node.Span,
                    FieldPath = field,
                    Hint = $"paths are relative to the directory of {System.IO.Path.GetFileName(file)}",
                });
                return null;
            }

            return new RenderPath(full, node.Span);
        }

        private static Dictionary<string, string> Strings(YamlMap? map)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in map?.Entries ?? [])
            {
                if (entry.Value is YamlScalar { IsNull: false } scalar)
                {
                    result[entry.Key] = scalar.Value;
                }
            }

            return result;
        }
    }
}

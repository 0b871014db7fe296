using System.Collections.Immutable;
using System.Globalization;
using HomeLab.Tools.K3d;
using YamlDotNet.RepresentationModel;

namespace HomeLab.Cluster.K3d;

/// <summary>
/// What a k3d config file (<c>clusters/k3d/k3d.yaml</c>, <c>k3d.io/v1alpha5</c> Simple) asks for, as far as
/// ClusterUp compares it with a running cluster: name, server and agent counts, image, host ports, node labels.
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="Name">The cluster's name (<c>metadata.name</c>).</param>
/// <param name="Servers">Server nodes.</param>
/// <param name="Agents">Agent nodes.</param>
/// <param name="Image">The k3s image, when set.</param>
/// <param name="HostPorts">The published ports as <c>host:container</c>, sorted.</param>
/// <param name="NodeLabels">The k3s node labels (<c>key=value</c>) and the node filters they apply to.</param>
public sealed record K3dClusterConfig(string Path, string Name, int Servers, int Agents, string? Image, ImmutableArray<string> HostPorts, ImmutableArray<(string Label, string NodeFilter)> NodeLabels)
{
    /// <summary>Reads a k3d config file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The config.</returns>
    /// <exception cref="K3dConfigException">The file is missing or is not a k3d Simple config.</exception>
    public static K3dClusterConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new K3dConfigException($"{path}: no such file; hint: ClusterUp creates the cluster clusters/k3d/k3d.yaml describes");
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(File.ReadAllText(path));
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new K3dConfigException($"{path}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message}; hint: check the indentation", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new K3dConfigException($"{path}:1: empty; hint: a k3d config starts with apiVersion: k3d.io/v1alpha5 and kind: Simple");
        }

        var name = Scalar(root, "metadata", "name")
            ?? throw new K3dConfigException($"{path}:1: no metadata.name; hint: name the cluster, e.g. metadata: {{ name: homelab }}");
        var ports = new List<string>();
        if (root.Children.TryGetValue(new YamlScalarNode("ports"), out var portList) && portList is YamlSequenceNode portItems)
        {
            foreach (var item in portItems.OfType<YamlMappingNode>())
            {
                if (Scalar(item, "port") is { } port)
                {
                    ports.Add(port.Split('/')[0]);
                }
            }
        }

        var labels = new List<(string, string)>();
        if (Node(root, "options", "k3s", "nodeLabels") is YamlSequenceNode labelItems)
        {
            foreach (var item in labelItems.OfType<YamlMappingNode>())
            {
                var filters = item.Children.TryGetValue(new YamlScalarNode("nodeFilters"), out var f) && f is YamlSequenceNode fs
                    ? fs.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)
                    : ["all"];
                foreach (var filter in filters)
                {
                    labels.Add((Scalar(item, "label") ?? string.Empty, filter));
                }
            }
        }

        return new K3dClusterConfig(
            path,
            name,
            Number(root, "servers", path, 1),
            Number(root, "agents", path, 0),
            Scalar(root, "image"),
            [.. ports.Order(StringComparer.Ordinal)],
            [.. labels]);
    }

    /// <summary>What differs between this config and a cluster k3d reports, one line each; empty when they agree.</summary>
    /// <param name="cluster">The cluster.</param>
    /// <returns>The differences.</returns>
    public IReadOnlyList<string> Differences(K3dCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var differences = new List<string>();
        if (cluster.Servers != Servers)
        {
            differences.Add($"servers: the cluster has {cluster.Servers}, {Path} asks for {Servers}");
        }

        if (cluster.Agents != Agents)
        {
            differences.Add($"agents: the cluster has {cluster.Agents}, {Path} asks for {Agents}");
        }

        if (Image is not null && cluster.Image is not null && cluster.Image != Image)
        {
            differences.Add($"image: the cluster runs {cluster.Image}, {Path} asks for {Image}");
        }

        // k3d reports the load balancer's ports only when it has them; no report is not a difference.
        if (cluster.HostPorts.Length > 0 && !cluster.HostPorts.SequenceEqual(HostPorts))
        {
            differences.Add($"ports: the cluster publishes {string.Join(", ", cluster.HostPorts)}, {Path} asks for {string.Join(", ", HostPorts)}");
        }

        return differences;
    }

    private static YamlNode? Node(YamlMappingNode root, params string[] path)
    {
        YamlNode? current = root;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }

        return current;
    }

    private static string? Scalar(YamlMappingNode root, params string[] path) => (Node(root, path) as YamlScalarNode)?.Value;

    private static int Number(YamlMappingNode root, string key, string path, int fallback)
    {
        if (Node(root, key) is not YamlScalarNode scalar)
        {
            return fallback;
        }

        return int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new K3dConfigException($"{path}:{scalar.Start.Line}:{scalar.Start.Column}: {key} is '{scalar.Value}', not a count; hint: write a whole number such as 2");
    }
}

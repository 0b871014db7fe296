using System.Collections.Immutable;
using System.Text.Json;

namespace HomeLab.Tools.K3d;

/// <summary>A cluster as <c>k3d cluster list -o json</c> reports it: its nodes' counts and state, image and host ports.</summary>
/// <param name="Name">The cluster's name.</param>
/// <param name="Servers">How many server nodes it has.</param>
/// <param name="ServersRunning">How many of them run.</param>
/// <param name="Agents">How many agent nodes it has.</param>
/// <param name="AgentsRunning">How many of them run.</param>
/// <param name="Image">The k3s image of its server, when reported.</param>
/// <param name="HostPorts">The host ports its load balancer publishes, as <c>host:container</c> (e.g. <c>8080:80</c>).</param>
public sealed record K3dCluster(string Name, int Servers, int ServersRunning, int Agents, int AgentsRunning, string? Image, ImmutableArray<string> HostPorts)
{
    /// <summary>Whether every node runs.</summary>
    public bool IsRunning => ServersRunning == Servers && AgentsRunning == Agents && Servers > 0;

    /// <summary>Whether no node runs (k3d cluster stop).</summary>
    public bool IsStopped => ServersRunning == 0 && AgentsRunning == 0;

    /// <summary>Reads <c>k3d cluster list -o json</c>.</summary>
    /// <param name="json">The output.</param>
    /// <returns>The clusters.</returns>
    /// <exception cref="JsonException">The output is not k3d's JSON.</exception>
    public static IReadOnlyList<K3dCluster> ParseList(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json.Trim().Length == 0 ? "[]" : json);
        var clusters = new List<K3dCluster>();
        foreach (var cluster in document.RootElement.EnumerateArray())
        {
            string? image = null;
            var ports = ImmutableArray.CreateBuilder<string>();
            if (cluster.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array)
            {
                foreach (var node in nodes.EnumerateArray())
                {
                    var role = Text(node, "role");
                    if (role == "server" && image is null)
                    {
                        image = Text(node, "image");
                    }

                    if (role == "loadbalancer" && node.TryGetProperty("portMappings", out var mappings) && mappings.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var mapping in mappings.EnumerateObject())
                        {
                            var containerPort = mapping.Name.Split('/')[0];
                            foreach (var binding in mapping.Value.EnumerateArray())
                            {
                                if (Text(binding, "HostPort") is { Length: > 0 } hostPort && containerPort is "80" or "443")
                                {
                                    ports.Add($"{hostPort}:{containerPort}");
                                }
                            }
                        }
                    }
                }
            }

            clusters.Add(new K3dCluster(
                Text(cluster, "name") ?? string.Empty,
                Number(cluster, "serversCount"),
                Number(cluster, "serversRunning"),
                Number(cluster, "agentsCount"),
                Number(cluster, "agentsRunning"),
                image,
                [.. ports.Distinct().Order(StringComparer.Ordinal)]));
        }

        return clusters;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}

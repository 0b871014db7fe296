namespace HomeLab.Manifests.Environments;

/// <summary>A node of an environment's cluster.</summary>
/// <param name="Name">The node's name.</param>
/// <param name="Roles">Its roles, such as <c>server</c> or <c>agent</c>.</param>
/// <param name="Labels">The labels it carries, such as <c>hardware/zigbee: "true"</c>.</param>
/// <param name="Capacity">What it offers, such as <c>cpu: "4"</c> and <c>memory: 8Gi</c>.</param>
public sealed record ClusterNode(string Name, IReadOnlyList<string> Roles, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Capacity);

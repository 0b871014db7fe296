namespace HomeLab.Manifests.Lint;

/// <summary>A node of an environment, as far as lint needs it: its name, labels and roles.</summary>
/// <param name="Name">The node's name, such as <c>k3d-homelab-agent-0</c>.</param>
/// <param name="Labels">The labels the environment declares for it, such as <c>hardware/usb: "true"</c>.</param>
/// <param name="Roles">Its k3s roles (<c>server</c>, <c>agent</c>); null when unknown.</param>
public sealed record LintNode(string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<string>? Roles = null)
{
    /// <summary>
    /// The labels the node really carries: the declared ones, plus the well-known labels the kubelet and k3s put on
    /// every node (<c>kubernetes.io/hostname</c>, <c>kubernetes.io/os: linux</c>, k3s' instance type, and the
    /// control-plane role labels on a server), unless declared otherwise. <c>kubernetes.io/arch</c> depends on the
    /// hardware: declare it where a chart selects on it.
    /// </summary>
    public IReadOnlyDictionary<string, string> AllLabels { get; } = WithWellKnown(Name, Labels, Roles);

    private static Dictionary<string, string> WithWellKnown(string name, IReadOnlyDictionary<string, string> declared, IReadOnlyList<string>? roles)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
            ["beta.kubernetes.io/os"] = "linux",
            ["node.kubernetes.io/instance-type"] = "k3s",
            ["beta.kubernetes.io/instance-type"] = "k3s",
        };
        if (roles?.Contains("server", StringComparer.Ordinal) == true)
        {
            labels["node-role.kubernetes.io/control-plane"] = "true";
            labels["node-role.kubernetes.io/master"] = "true";
        }

        foreach (var (key, value) in declared)
        {
            labels[key] = value;
        }

        return labels;
    }
}

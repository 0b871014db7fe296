namespace HomeLab.Manifests.Lint;

/// <summary>A node of an environment, as far as lint needs it: its name and labels.</summary>
/// <param name="Name">The node's name, such as <c>k3d-homelab-agent-0</c>.</param>
/// <param name="Labels">The node's labels, such as <c>hardware/usb: "true"</c>.</param>
public sealed record LintNode(string Name, IReadOnlyDictionary<string, string> Labels);

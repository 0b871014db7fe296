using Newtonsoft.Json.Linq;

namespace HomeLab.Cluster.Tests.Deploy;

/// <summary>Objects for the promotion tests, as the fake API server stores them.</summary>
internal static class DeployFixtures
{
    public static JObject ConfigMap(string name, string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JObject { ["name"] = name, ["namespace"] = "home" },
        ["data"] = new JObject { ["value"] = value },
    };

    public static JObject Secret(string name, string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JObject { ["name"] = name, ["namespace"] = "home" },
        ["data"] = new JObject { ["password"] = value },
    };

    public static JObject Root(string revision, string? record = null) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Application",
        ["metadata"] = record is null
            ? new JObject { ["name"] = "root", ["namespace"] = "argocd" }
            : new JObject { ["name"] = "root", ["namespace"] = "argocd", ["annotations"] = new JObject { ["homelab.dev/deployment"] = record } },
        ["spec"] = new JObject { ["source"] = new JObject { ["repoURL"] = "https://github.com/homelab-gitops/homelab.git", ["targetRevision"] = revision, ["path"] = "clusters/k3s/apps" } },
        ["status"] = new JObject { ["sync"] = new JObject { ["status"] = "Synced" }, ["health"] = new JObject { ["status"] = "Healthy" } },
    };
}

using Newtonsoft.Json.Linq;

namespace HomeLab.Cluster.Tests.Argo;

/// <summary>ArgoCD Applications as the fake API server stores them.</summary>
internal static class FakeApplications
{
    public static JObject Application(string name, int wave, string sync, string health, string? message = null) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Application",
        ["metadata"] = new JObject
        {
            ["name"] = name,
            ["namespace"] = "argocd",
            ["annotations"] = new JObject { ["argocd.argoproj.io/sync-wave"] = wave.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        },
        ["status"] = new JObject
        {
            ["sync"] = new JObject { ["status"] = sync },
            ["health"] = message is null ? new JObject { ["status"] = health } : new JObject { ["status"] = health, ["message"] = message },
        },
    };
}

using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Tests.Cluster;

/// <summary>Small objects the cluster tests write.</summary>
internal static class TestObjects
{
    public static JObject ConfigMap(string name, string? @namespace = null, string? app = null, string state = "new", string[]? finalizers = null)
    {
        var metadata = new JObject { ["name"] = name };
        if (@namespace is not null)
        {
            metadata["namespace"] = @namespace;
        }

        if (app is not null)
        {
            metadata["labels"] = new JObject { ["app"] = app };
        }

        if (finalizers is not null)
        {
            metadata["finalizers"] = new JArray(finalizers);
        }

        return new JObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = metadata, ["data"] = new JObject { ["state"] = state } };
    }

    public static JObject Widget(string name, string @namespace, string ready) => JObject.Parse($$"""
        {
          "apiVersion": "homelab.dev/v1alpha1",
          "kind": "Widget",
          "metadata": { "name": "{{name}}", "namespace": "{{@namespace}}" },
          "status": { "phase": "Running", "conditions": [ { "type": "Ready", "status": "{{ready}}", "reason": "Probe", "message": "probe says {{ready}}" } ] }
        }
        """);

    public static CancellationToken Within(int seconds) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}

using System.Globalization;
using FluentAssertions;
using HomeLab.Assertions.Cluster;
using HomeLab.Testing;
using Newtonsoft.Json.Linq;

namespace HomeLab.Stack.Tests.Observability;

/// <summary>The observability stack's acceptance criteria on a running cluster (./build.sh ClusterUp Test).</summary>
[Trait(Tier.Name, Tier.Live)]
public sealed class ObservabilityLiveTests : LiveTests
{
    private const string Prometheus = "monitoring/kube-prometheus-stack-prometheus:9090";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    [ClusterFact]
    [Trait(Component.Name, Component.KubePrometheusStack)]
    [Trait(Component.Name, Component.Istiod)]
    public async Task Prometheus_scrapes_Istio_metrics_and_Grafana_answers()
    {
        var proxy = new ServiceProxy(Connection!);
        using var cancel = new CancellationTokenSource(Patience);

        await Until(async () => Results(await proxy.GetAsync(Prometheus, "api/v1/query?query=" + Uri.EscapeDataString("up{job=~\".*istiod.*\"} == 1"), cancel.Token)).Count > 0, "istiod is scraped", cancel.Token);
        await Until(async () => Results(await proxy.GetAsync(Prometheus, "api/v1/query?query=" + Uri.EscapeDataString("count(istio_requests_total) > 0"), cancel.Token)).Count > 0, "sidecar request metrics arrive", cancel.Token);
        var health = JObject.Parse(await proxy.GetAsync("monitoring/kube-prometheus-stack-grafana:80", "api/health", cancel.Token));
        health.Value<string>("database").Should().Be("ok");
    }

    [ClusterFact]
    [Trait(Component.Name, Component.Loki)]
    [Trait(Component.Name, Component.Alloy)]
    public async Task A_test_pods_log_line_is_queryable_in_Loki()
    {
        var marker = "homelab-loki-" + Guid.NewGuid().ToString("N")[..12];
        var ns = "loki-test-" + marker[^6..];
        var operations = new ClusterOperations(new ClusterSource(Connection!));
        using var cancel = new CancellationTokenSource(Patience);
        await operations.CreateNamespaceAsync(ns, cancel.Token);
        try
        {
            await operations.CreateAsync(Pod(ns, "logger", "busybox:1.37.0", $"echo {marker}; sleep 3600"), ns, cancel.Token);
            var proxy = new ServiceProxy(Connection!);
            var query = Uri.EscapeDataString($"{{namespace=\"{ns}\"}} |= \"{marker}\"");
            await Until(
                async () => Results(await proxy.GetAsync("monitoring/loki:3100", $"loki/api/v1/query_range?query={query}&limit=10", cancel.Token)).Count > 0,
                $"Loki has the line {marker}",
                cancel.Token);
        }
        finally
        {
            await operations.DeleteNamespaceAsync(ns, CancellationToken.None);
        }
    }

    [ClusterFact]
    [Trait(Component.Name, Component.OpenTelemetryCollector)]
    [Trait(Component.Name, Component.Jaeger)]
    [Trait(Component.Name, Component.Tempo)]
    public async Task A_trace_sent_to_the_collector_reaches_Jaeger_and_Tempo()
    {
        var proxy = new ServiceProxy(Connection!);
        var traceId = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var span = new JObject
        {
            ["resourceSpans"] = new JArray(new JObject
            {
                ["resource"] = new JObject { ["attributes"] = new JArray(Attribute("service.name", "homelab-live-test")) },
                ["scopeSpans"] = new JArray(new JObject
                {
                    ["spans"] = new JArray(new JObject
                    {
                        ["traceId"] = traceId,
                        ["spanId"] = traceId[..16],
                        ["name"] = "live-test",
                        ["kind"] = 1,
                        ["startTimeUnixNano"] = now.ToString(CultureInfo.InvariantCulture),
                        ["endTimeUnixNano"] = (now + 1_000_000).ToString(CultureInfo.InvariantCulture),
                    }),
                }),
            }),
        };
        using var cancel = new CancellationTokenSource(Patience);

        var (status, body) = await proxy.SendAsync(HttpMethod.Post, "observability/opentelemetry-collector:4318", "v1/traces", span.ToString(), cancel.Token);
        status.Should().Be(200, body);
        await Until(async () => (await proxy.SendAsync(HttpMethod.Get, "observability/jaeger-query:16686", $"api/traces/{traceId}", null, cancel.Token)).Status == 200, "Jaeger has the trace", cancel.Token);
        await Until(async () => (await proxy.SendAsync(HttpMethod.Get, "observability/tempo:3100", $"api/traces/{traceId}", null, cancel.Token)).Status == 200, "Tempo has the trace", cancel.Token);
    }

    [ClusterFact]
    [Trait(Component.Name, Component.KubePrometheusStack)]
    [Trait(Component.Name, Component.ObservabilityConfig)]
    public async Task A_crash_looping_pod_fires_the_crash_loop_alert()
    {
        var ns = "alert-test-" + Guid.NewGuid().ToString("N")[..6];
        var operations = new ClusterOperations(new ClusterSource(Connection!));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await operations.CreateNamespaceAsync(ns, cancel.Token);
        try
        {
            await operations.CreateAsync(Pod(ns, "crasher", "busybox:1.37.0", "exit 1"), ns, cancel.Token);
            var proxy = new ServiceProxy(Connection!);
            await Until(
                async () => JObject.Parse(await proxy.GetAsync(Prometheus, "api/v1/alerts", cancel.Token))
                    .SelectTokens("$.data.alerts[*]")
                    .Any(a => a.Value<string>("state") == "firing" && a["labels"]?.Value<string>("alertname") == "HomelabPodCrashLooping" && a["labels"]?.Value<string>("namespace") == ns),
                "HomelabPodCrashLooping fires for the crashing pod",
                cancel.Token);
        }
        finally
        {
            await operations.DeleteNamespaceAsync(ns, CancellationToken.None);
        }
    }

    internal static JObject Pod(string ns, string name, string image, string script) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JObject
        {
            ["restartPolicy"] = "Always",
            ["containers"] = new JArray(new JObject
            {
                ["name"] = name,
                ["image"] = image,
                ["command"] = new JArray("sh", "-c", script),
                ["resources"] = new JObject { ["limits"] = new JObject { ["memory"] = "32Mi" } },
            }),
        },
    };

    internal static async Task Until(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        string? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"gave up waiting until {what}{(last is null ? string.Empty : $" (last error: {last})")}");
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // One more look, then the timeout message above.
            }
        }
    }

    private static JArray Results(string prometheusOrLokiAnswer) =>
        JObject.Parse(prometheusOrLokiAnswer).SelectToken("data.result") as JArray ?? [];

    private static JObject Attribute(string key, string value) => new() { ["key"] = key, ["value"] = new JObject { ["stringValue"] = value } };
}

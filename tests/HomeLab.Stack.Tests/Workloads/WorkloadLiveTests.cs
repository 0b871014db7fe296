using System.Net.Http.Headers;
using System.Text;
using FluentAssertions;
using HomeLab.Assertions.Cluster;
using HomeLab.Stack.Tests.Observability;
using HomeLab.Testing;
using k8s;
using Newtonsoft.Json.Linq;

namespace HomeLab.Stack.Tests.Workloads;

/// <summary>The apps' acceptance criteria on a running k3d cluster (./build.sh ClusterUp Test).</summary>
[Trait(Tier.Name, Tier.Live)]
public sealed class WorkloadLiveTests : LiveTests
{
    private static readonly (string Namespace, string App)[] Apps =
    [
        ("home", "mosquitto"), ("home", "home-assistant"), ("home", "zigbee2mqtt"), ("home", "homebridge"),
        ("media", "nzbget"), ("media", "sonarr"), ("media", "radarr"), ("security", "frigate"),
    ];

    [ClusterFact]
    [Trait(Component.Name, Component.Mosquitto)]
    [Trait(Component.Name, Component.HomeAssistant)]
    [Trait(Component.Name, Component.Zigbee2Mqtt)]
    [Trait(Component.Name, Component.Homebridge)]
    [Trait(Component.Name, Component.Nzbget)]
    [Trait(Component.Name, Component.Sonarr)]
    [Trait(Component.Name, Component.Radarr)]
    [Trait(Component.Name, Component.Frigate)]
    public async Task Every_app_is_available_and_its_Application_Synced_and_Healthy()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var source = new ClusterSource(Connection!);
        foreach (var (ns, app) in Apps)
        {
            await ObservabilityLiveTests.Until(
                async () =>
                {
                    var application = await source.GetAsync(new("argoproj.io/v1alpha1", "Application", "argocd", app), cancel.Token);
                    return application?.SelectToken("status.sync.status")?.Value<string>() == "Synced"
                        && application.SelectToken("status.health.status")?.Value<string>() == "Healthy";
                },
                $"Application {app} ({ns}) is Synced and Healthy",
                cancel.Token);
        }
    }

    [ClusterFact]
    [Trait(Component.Name, Component.IstioGateway)]
    [Trait(Component.Name, Component.HomeAssistant)]
    [Trait(Component.Name, Component.Zigbee2Mqtt)]
    [Trait(Component.Name, Component.Homebridge)]
    [Trait(Component.Name, Component.Nzbget)]
    [Trait(Component.Name, Component.Sonarr)]
    [Trait(Component.Name, Component.Radarr)]
    [Trait(Component.Name, Component.Frigate)]
    public async Task Every_UI_answers_through_the_gateway_over_TLS()
    {
        using var client = Gateway.CreateClient();
        foreach (var app in Apps.Select(a => a.App).Where(a => a != "mosquitto"))
        {
            using var response = await client.GetAsync(Gateway.Url(app));
            ((int)response.StatusCode).Should().BeLessThan(500, $"{app} answers through the gateway");
        }
    }

    [ClusterFact]
    [Trait(Component.Name, Component.HomeAssistant)]
    [Trait(Component.Name, Component.Zigbee2Mqtt)]
    [Trait(Component.Name, Component.Mosquitto)]
    public async Task Home_Assistant_and_Zigbee2MQTT_exchange_MQTT_messages_through_Mosquitto()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // Zigbee2MQTT → broker: its bridge state is retained as online.
        var state = await ExecInBroker(["mosquitto_sub", "-h", "127.0.0.1", "-t", "zigbee2mqtt/bridge/state", "-C", "1", "-W", "30"], cancel.Token);
        state.Should().Contain("online");

        // Home Assistant's birth message makes Zigbee2MQTT republish its discovery; Home Assistant then lists the
        // bridge's entities — a message each way through the broker.
        await ExecInBroker(["mosquitto_pub", "-h", "127.0.0.1", "-t", "homeassistant/status", "-m", "online"], cancel.Token);
        var token = await SecretValue("home", "home-assistant-prometheus", "token", cancel.Token);
        using var client = Gateway.CreateClient();
        await ObservabilityLiveTests.Until(
            async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, Gateway.Url("home-assistant", "/api/states"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(request, cancel.Token);
                return response.IsSuccessStatusCode
                    && JArray.Parse(await response.Content.ReadAsStringAsync(cancel.Token)).Any(s => s.Value<string>("entity_id")?.Contains("zigbee2mqtt_bridge", StringComparison.Ordinal) == true);
            },
            "Home Assistant shows Zigbee2MQTT's bridge entities",
            cancel.Token);
    }

    private async Task<string> ExecInBroker(string[] command, CancellationToken cancellationToken)
    {
        var kubernetes = (Kubernetes)Connection!.Kubernetes;
        var pods = await kubernetes.CoreV1.ListNamespacedPodAsync("home", labelSelector: "app.kubernetes.io/name=mosquitto", cancellationToken: cancellationToken);
        var pod = pods.Items.First(p => p.Status?.Phase == "Running").Metadata.Name;
        var output = new StringBuilder();
        await kubernetes.NamespacedPodExecAsync(pod, "home", "mosquitto", command, false, async (_, stdout, stderr) =>
        {
            using var reader = new StreamReader(stdout);
            output.Append(await reader.ReadToEndAsync(cancellationToken));
        }, cancellationToken);
        return output.ToString();
    }

    private async Task<string> SecretValue(string ns, string name, string key, CancellationToken cancellationToken)
    {
        var secret = await Connection!.Kubernetes.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: cancellationToken);
        return Encoding.UTF8.GetString(secret.Data[key]);
    }
}

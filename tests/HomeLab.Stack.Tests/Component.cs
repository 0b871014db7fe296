namespace HomeLab.Stack.Tests;

/// <summary>
/// The components a live test exercises, as xunit traits: <c>[Trait(Component.Name, Component.Loki)]</c>. Each value
/// is an ArgoCD Application's name, so <c>./build.sh Test --tier live --tag loki</c> runs the tests of what an
/// update touched (renovate.yml passes the Applications VerifyUpdate found affected); <see cref="Stack"/> marks the
/// stack-wide checks, which every such run selects.
/// </summary>
public static class Component
{
    /// <summary>The trait name (<c>--tag</c> selects on it).</summary>
    public const string Name = "tag";

    /// <summary>The stack-wide checks (every Application Synced and Healthy, the nodes): selected on every tagged run.</summary>
    public const string Stack = "stack";

    /// <summary>The ArgoCD Application.</summary>
    public const string ArgoCd = "argocd";

    /// <summary>The sealed-secrets controller.</summary>
    public const string SealedSecrets = "sealed-secrets";

    /// <summary>cert-manager.</summary>
    public const string CertManager = "cert-manager";

    /// <summary>The certificate issuers.</summary>
    public const string CertIssuers = "cert-issuers";

    /// <summary>The storage classes.</summary>
    public const string Storage = "storage";

    /// <summary>Istio's control plane.</summary>
    public const string Istiod = "istiod";

    /// <summary>The mesh-wide Istio policies (mTLS).</summary>
    public const string IstioMesh = "istio-mesh";

    /// <summary>The Istio ingress gateway.</summary>
    public const string IstioGateway = "istio-gateway";

    /// <summary>Prometheus, Alertmanager and Grafana.</summary>
    public const string KubePrometheusStack = "kube-prometheus-stack";

    /// <summary>The homelab's dashboards and alert rules.</summary>
    public const string ObservabilityConfig = "observability-config";

    /// <summary>Loki.</summary>
    public const string Loki = "loki";

    /// <summary>Alloy, which ships the pods' logs.</summary>
    public const string Alloy = "alloy";

    /// <summary>The OpenTelemetry collector.</summary>
    public const string OpenTelemetryCollector = "opentelemetry-collector";

    /// <summary>Jaeger.</summary>
    public const string Jaeger = "jaeger";

    /// <summary>Tempo.</summary>
    public const string Tempo = "tempo";

    /// <summary>The S3 object storage (SeaweedFS).</summary>
    public const string ObjectStorage = "object-storage";

    /// <summary>Velero.</summary>
    public const string Velero = "velero";

    /// <summary>The MQTT broker.</summary>
    public const string Mosquitto = "mosquitto";

    /// <summary>Home Assistant.</summary>
    public const string HomeAssistant = "home-assistant";

    /// <summary>Zigbee2MQTT.</summary>
    public const string Zigbee2Mqtt = "zigbee2mqtt";

    /// <summary>Homebridge.</summary>
    public const string Homebridge = "homebridge";

    /// <summary>NZBGet.</summary>
    public const string Nzbget = "nzbget";

    /// <summary>Sonarr.</summary>
    public const string Sonarr = "sonarr";

    /// <summary>Radarr.</summary>
    public const string Radarr = "radarr";

    /// <summary>Frigate.</summary>
    public const string Frigate = "frigate";
}

using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;
using HomeLab.Stack.Tests.Observability;

namespace HomeLab.Stack.Tests.Platform;

[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public class MeshTests(RenderedEnvironments fixture)
{
    private static readonly string[] WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"];

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public async Task Mutual_tls_is_strict_mesh_wide(string environment)
    {
        await fixture.Rendered(environment).Assert("""
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: default
              namespace: istio-system
            spec:
              mtls:
                mode: STRICT
            """);
        fixture.Objects(environment).Where(o => o.Kind == "PeerAuthentication")
            .Select(o => (o.Find("spec.mtls.mode") as YamlScalar)?.Value).Should().OnlyContain(mode => mode == "STRICT", "no namespace relaxes mTLS");
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public async Task A_baseline_authorization_policy_applies_mesh_wide(string environment)
    {
        await fixture.Rendered(environment).Assert("""
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              namespace: istio-system
            spec:
              action: DENY
            """);
        var policy = fixture.Objects(environment).Single(o => o.Kind == "AuthorizationPolicy" && o.Namespace == "istio-system");
        policy.Find("spec.selector").Should().BeNull("a policy in the root namespace without a selector applies to every workload");
    }

    [Fact]
    public void Telemetry_goes_to_prometheus_and_to_the_opentelemetry_collector()
    {
        var telemetry = fixture.Objects("k3d").Single(o => o.Kind == "Telemetry" && o.Namespace == "istio-system");
        var istiod = ValuesFiles.Load(System.IO.Path.Combine(fixture.Root, "manifests/platform/istiod/values.yaml"));
        var providers = istiod.GetMap("meshConfig")!.GetList("extensionProviders")!.Items.OfType<YamlMap>().ToDictionary(p => p.GetString("name")!);

        Names(telemetry.Find("spec.metrics") as YamlList).Should().Contain("prometheus");
        Names(telemetry.Find("spec.tracing") as YamlList).Should().Contain("otel-tracing");
        providers.Should().ContainKey("prometheus");
        var otel = providers["otel-tracing"].GetMap("opentelemetry")!;
        otel.GetString("service").Should().Be("opentelemetry-collector.observability.svc.cluster.local");
        otel.GetString("port").Should().Be("4317");
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_namespace_with_workloads_gets_sidecars_and_a_network_policy(string environment)
    {
        var objects = fixture.Objects(environment);
        var namespaces = objects.Where(o => o.Kind is not null && WorkloadKinds.Contains(o.Kind) && o.Namespace is not null).Select(o => o.Namespace!).Distinct().ToList();
        namespaces.Should().Contain("backup", "the object storage renders offline");

        foreach (var ns in namespaces)
        {
            var declared = objects.Where(o => o.Kind == "Namespace" && o.Name == ns).ToList();
            var labelled = declared.Any(n => n.Labels.GetValueOrDefault("istio-injection") == "enabled") || ManagedNamespaceLabelled(objects, ns);
            labelled.Should().BeTrue($"namespace {ns} has workloads, so it is labelled istio-injection=enabled");
            objects.Should().Contain(o => o.Kind == "NetworkPolicy" && o.Namespace == ns, $"namespace {ns} has workloads, so it has a NetworkPolicy");
        }
    }

    [Fact]
    public void The_gateway_serves_the_homelab_names_on_k3d_with_a_certificate_from_the_self_signed_issuer()
    {
        var (gateway, certificate) = GatewayAndCertificate("k3d");

        Hosts(gateway).Should().OnlyContain(h => h == "*.homelab.localhost");
        gateway.Find("spec.selector.istio").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("ingressgateway");
        Strings(certificate.Find("spec.dnsNames")).Should().Contain("*.homelab.localhost");
        certificate.Find("spec.issuerRef.name").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("homelab-selfsigned");
        fixture.Objects("k3d").Should().Contain(o => o.Kind == "ClusterIssuer" && o.Name == "homelab-selfsigned" && o.Find("spec.ca.secretName") != null);
    }

    [Fact]
    public void The_gateway_on_k3s_uses_the_acme_issuer()
    {
        var (gateway, certificate) = GatewayAndCertificate("k3s");

        certificate.Find("spec.issuerRef.name").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("letsencrypt");
        Hosts(gateway).Should().NotContain(h => h.EndsWith(".localhost", StringComparison.Ordinal));
        var issuer = fixture.Objects("k3s").Single(o => o.Kind == "ClusterIssuer" && o.Name == "letsencrypt");
        issuer.Find("spec.acme.server").Should().BeOfType<YamlScalar>().Which.Value.Should().StartWith("https://acme-v02.api.letsencrypt.org");
        fixture.Objects("k3d").Should().NotContain(o => o.Kind == "ClusterIssuer" && o.Name == "letsencrypt", "k3d cannot answer an ACME challenge");
    }

    [Fact]
    public void The_gateway_is_in_istio_ingress_with_sidecar_injection()
    {
        var application = Applications.Named(fixture, "k3d", "istio-gateway");

        application.Root.Find("spec.destination.namespace").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("istio-ingress");
        application.Root.Find("spec.syncPolicy.managedNamespaceMetadata.labels.istio-injection").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("enabled");
    }

    private (KubeObject Gateway, KubeObject Certificate) GatewayAndCertificate(string environment)
    {
        var objects = fixture.Objects(environment);
        var gateway = objects.Single(o => o.Kind == "Gateway" && o.Group == "networking.istio.io" && o.Name == "homelab-gateway");
        gateway.Namespace.Should().Be("istio-ingress");
        var https = (gateway.Find("spec.servers") as YamlList)!.Items.OfType<YamlMap>().Single(s => s.GetMap("port")?.GetString("number") == "443");
        var secret = https.GetMap("tls")!.GetString("credentialName");
        var certificate = objects.Single(o => o.Kind == "Certificate" && o.Namespace == "istio-ingress" && o.Find("spec.secretName") is YamlScalar s && s.Value == secret);
        return (gateway, certificate);
    }

    private static bool ManagedNamespaceLabelled(IReadOnlyList<KubeObject> objects, string ns) =>
        objects.Any(o => o.Kind == "Application"
            && o.Find("spec.destination.namespace") is YamlScalar { Value: var destination } && destination == ns
            && o.Find("spec.syncPolicy.managedNamespaceMetadata.labels.istio-injection") is YamlScalar { Value: "enabled" });

    private static IEnumerable<string> Hosts(KubeObject gateway) =>
        (gateway.Find("spec.servers") as YamlList)!.Items.OfType<YamlMap>().SelectMany(s => Strings(s["hosts"]));

    private static IEnumerable<string> Names(YamlList? list) =>
        list?.Items.OfType<YamlMap>().SelectMany(m => (m.GetList("providers")?.Items.OfType<YamlMap>() ?? []).Select(p => p.GetString("name") ?? string.Empty)) ?? [];

    private static IReadOnlyList<string> Strings(YamlNode? node) => Applications.Strings(node);
}

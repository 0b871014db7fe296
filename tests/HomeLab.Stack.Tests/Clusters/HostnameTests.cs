using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;
using HomeLab.Stack.Tests.Platform;

namespace HomeLab.Stack.Tests.Clusters;

/// <summary>Every UI answers on its environment's domain: the hosts its route names are the ones the Gateway and its certificate serve.</summary>
[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public class HostnameTests(RenderedEnvironments fixture)
{
    [Theory]
    [InlineData("k3d", "homelab.localhost")]
    [InlineData("k3s", "homelab.example.net")]
    public void Every_route_through_the_gateway_names_a_host_of_the_environments_domain_that_its_certificate_covers(string environment, string domain)
    {
        var objects = fixture.Objects(environment);
        var gateway = objects.Single(o => o.Kind == "Gateway" && o.Namespace == "istio-ingress" && o.Name == "homelab-gateway");
        var certificate = objects.Single(o => o.Kind == "Certificate" && o.Name == "homelab-gateway");
        var served = (gateway.Find("spec.servers") as YamlList)!.Items.OfType<YamlMap>().SelectMany(s => Applications.Strings(s["hosts"])).ToList();
        var names = Applications.Strings(certificate.Find("spec.dnsNames"));
        served.Should().OnlyContain(h => h == $"*.{domain}");

        var routes = objects.Where(o => o.Kind == "VirtualService" && Applications.Strings(o.Find("spec.gateways")).Contains("istio-ingress/homelab-gateway")).ToList();
        routes.Select(r => r.Name).Should().Contain(["grafana", "argocd"]).And.Contain(n => n!.StartsWith("home-assistant", StringComparison.Ordinal));
        foreach (var route in routes)
        {
            foreach (var host in Applications.Strings(route.Find("spec.hosts")))
            {
                host.Should().EndWith($".{domain}", $"{Describe(route)} is reached on {environment}'s domain");
                served.Should().Contain(pattern => Covers(pattern, host), $"the gateway serves {Describe(route)}'s host {host}");
                names.Should().Contain(pattern => Covers(pattern, host), $"the gateway's certificate names {host}");
            }
        }
    }

    [Fact]
    public void Grafana_knows_its_address_on_each_environment()
    {
        foreach (var (environment, domain) in new[] { ("k3d", "homelab.localhost"), ("k3s", "homelab.example.net") })
        {
            var application = Applications.Named(fixture, environment, "kube-prometheus-stack");
            var values = Observability.ValuesFiles.Load([.. Applications.ValueFiles(application).Select(f => System.IO.Path.Combine(fixture.Root, f))]);
            var grafanaIni = values.GetMap("grafana")?.GetMap("grafana.ini");
            grafanaIni.Should().NotBeNull($"{environment} configures grafana.ini");
            grafanaIni!.Find("server.root_url").Should().BeOfType<YamlScalar>().Which.Value.Should().Be($"https://grafana.{domain}");
        }
    }

    private static string Describe(KubeObject route) => $"VirtualService {route.Namespace}/{route.Name}";

    /// <summary>Whether a Gateway host or DNS name (exact, or <c>*.</c> for one label) covers a host.</summary>
    private static bool Covers(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.Ordinal) && !host[..^(pattern.Length - 1)].Contains('.', StringComparison.Ordinal)
            : pattern == host;
}

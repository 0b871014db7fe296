using System.Net;
using System.Security.Cryptography.X509Certificates;
using HomeLab.Assertions;
using HomeLab.Assertions.Sources;
using HomeLab.Cluster.Secrets;
using HomeLab.Stack.Tests.Observability;
using HomeLab.Testing;
using Newtonsoft.Json.Linq;

namespace HomeLab.Stack.Tests.Platform;

/// <summary>The platform's acceptance criteria on a running cluster (./build.sh ClusterUp Test).</summary>
[Trait(Tier.Name, Tier.Live)]
public sealed class PlatformLiveTests : LiveTests
{
    [ClusterFact]
    [Trait(Component.Name, Component.SealedSecrets)]
    public async Task Sealed_secrets_decrypts_a_secret_sealed_for_the_environments_certificate()
    {
        var stack = new LiveStack(Connection!);
        using var cancel = new CancellationTokenSource(LiveStack.Patience);
        var root = HomeLab.Tools.RepositoryRoot.Find()!;
        var certificate = SealingCertificate.Load(Path.Combine(root, "clusters", LiveStack.Environment, "sealing-cert.pem"));
        var ns = await stack.NamespaceAsync("sealed", mesh: false, cancel.Token);
        try
        {
            var value = Guid.NewGuid().ToString("N");
            var sealedValue = new SecretSealer(certificate).SealToBase64(System.Text.Encoding.UTF8.GetBytes(value), new SealingTarget(ns, "probe"));
            await stack.Operations.CreateAsync(
                new JObject
                {
                    ["apiVersion"] = "bitnami.com/v1alpha1",
                    ["kind"] = "SealedSecret",
                    ["metadata"] = new JObject { ["name"] = "probe", ["namespace"] = ns },
                    ["spec"] = new JObject { ["encryptedData"] = new JObject { ["value"] = sealedValue }, ["template"] = new JObject { ["metadata"] = new JObject { ["name"] = "probe", ["namespace"] = ns } } },
                },
                ns,
                cancel.Token);

            await new ClusterUnderTest(stack.Source).Assert(
                $$"""
                apiVersion: v1
                kind: Secret
                metadata: { name: probe, namespace: {{ns}} }
                data:
                  value: {{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value))}}
                """,
                timeout: TimeSpan.FromMinutes(2),
                cancellationToken: cancel.Token);
        }
        finally
        {
            await stack.CleanUpAsync(ns);
        }
    }

    [ClusterFact]
    [Trait(Component.Name, Component.Istiod)]
    [Trait(Component.Name, Component.IstioMesh)]
    public async Task Istiod_is_healthy_a_workload_gets_a_sidecar_and_plaintext_from_outside_the_mesh_is_refused()
    {
        var stack = new LiveStack(Connection!);
        using var cancel = new CancellationTokenSource(LiveStack.Patience);
        await new ClusterUnderTest(stack.Source).Assert(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: istiod, namespace: istio-system }
            status:
              (readyReplicas >= `1`): true
            """,
            timeout: TimeSpan.FromMinutes(2),
            cancellationToken: cancel.Token);

        var mesh = await stack.NamespaceAsync("mesh", mesh: true, cancel.Token);
        var outside = await stack.NamespaceAsync("outside", mesh: false, cancel.Token);
        try
        {
            var server = ObservabilityLiveTests.Pod(mesh, "web", "busybox:1.37.0", "mkdir -p /tmp/www && echo ok > /tmp/www/index.html && httpd -f -p 8080 -h /tmp/www");
            server["metadata"]!["labels"] = new JObject { ["app"] = "web" };
            await stack.Operations.CreateAsync(server, mesh, cancel.Token);
            await stack.Operations.ApplyAsync(
                JObject.Parse($$$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"{{{mesh}}}"},"spec":{"selector":{"app":"web"},"ports":[{"name":"http","port":8080}]}}"""),
                mesh,
                cancel.Token);
            await stack.Operations.WaitAsync(new ResourceQuery("v1", "Pod", mesh, "web"), HomeLab.Assertions.Operations.WaitCondition.ForCondition("Ready", "True"), LiveStack.Patience, cancel.Token);

            var pod = await stack.Source.GetAsync(new ResourceQuery("v1", "Pod", mesh, "web"), cancel.Token);
            var containers = new[] { "containers", "initContainers" }.SelectMany(k => pod!["spec"]?[k] as JArray ?? []).Select(c => c.Value<string>("name"));
            containers.Should().Contain("istio-proxy", "pods in a namespace labelled istio-injection=enabled get a sidecar");

            const string Probe = "if wget -q -T 5 -O- http://web.{0}.svc.cluster.local:8080/; then echo REACHED; else echo REFUSED; fi";
            var fromOutside = await stack.RunAsync(outside, "plain", "busybox:1.37.0", string.Format(System.Globalization.CultureInfo.InvariantCulture, Probe, mesh), cancel.Token);
            var fromInside = await stack.RunAsync(mesh, "client", "busybox:1.37.0", string.Format(System.Globalization.CultureInfo.InvariantCulture, Probe, mesh), cancel.Token);

            fromOutside.Should().Contain("REFUSED", "STRICT mTLS refuses plaintext from a pod without a sidecar");
            fromInside.Should().Contain("REACHED", "the same request with mutual TLS from inside the mesh succeeds");
        }
        finally
        {
            await stack.CleanUpAsync(mesh, outside);
        }
    }

    [ClusterFact]
    [Trait(Component.Name, Component.IstioGateway)]
    [Trait(Component.Name, Component.CertManager)]
    [Trait(Component.Name, Component.CertIssuers)]
    public async Task The_gateway_answers_on_8080_and_8443_with_a_certificate_from_cert_manager()
    {
        // k3d publishes the gateway on the host's 8080/8443; the hardware on the gateway's LAN address, 80/443.
        var k3d = LiveStack.Environment == "k3d";
        var domain = k3d ? "homelab.localhost" : "homelab.example.net";
        var address = k3d ? "127.0.0.1" : await GatewayAddressAsync();
        var (httpPort, httpsPort) = k3d ? (8080, 8443) : (80, 443);
        X509Certificate2? presented = null;
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Parse(address), context.DnsEndPoint.Port, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => (presented = certificate is null ? null : new X509Certificate2(certificate)) is not null },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };

        using var redirect = await http.GetAsync(new Uri($"http://argocd.{domain}:{httpPort}/"));
        redirect.StatusCode.Should().Be(HttpStatusCode.MovedPermanently, "plain http redirects to https");

        using var response = await http.GetAsync(new Uri($"https://argocd.{domain}:{httpsPort}/"));
        ((int)response.StatusCode).Should().BeLessThan(500, $"the gateway routes argocd.{domain} to ArgoCD");
        presented.Should().NotBeNull();
        presented!.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames()).Should().Contain($"*.{domain}");
        presented.Issuer.Should().NotBe(presented.Subject, "a CA issued it, not the gateway itself");
        if (k3d)
        {
            presented.Issuer.Should().Contain("homelab CA", "cert-manager's homelab-selfsigned issuer signs from the homelab CA");
        }
    }

    [ClusterFact]
    [Trait(Component.Name, Component.Storage)]
    public async Task A_claim_of_each_storage_class_binds_and_a_pod_writes_to_it()
    {
        var stack = new LiveStack(Connection!);
        using var cancel = new CancellationTokenSource(LiveStack.Patience);
        var ns = await stack.NamespaceAsync("storage", mesh: false, cancel.Token);
        try
        {
            foreach (var storageClass in new[] { "standard", "nas" })
            {
                await stack.Operations.ApplyAsync(
                    new JObject
                    {
                        ["apiVersion"] = "v1",
                        ["kind"] = "PersistentVolumeClaim",
                        ["metadata"] = new JObject { ["name"] = storageClass, ["namespace"] = ns },
                        ["spec"] = new JObject
                        {
                            ["storageClassName"] = storageClass,
                            ["accessModes"] = new JArray("ReadWriteOnce"),
                            ["resources"] = new JObject { ["requests"] = new JObject { ["storage"] = "16Mi" } },
                        },
                    },
                    ns,
                    cancel.Token);
                var log = await stack.RunAsync(ns, $"writer-{storageClass}", "busybox:1.37.0", "echo written > /data/probe && cat /data/probe", cancel.Token, pod =>
                {
                    pod["spec"]!["volumes"] = JArray.Parse($$$"""[{"name":"data","persistentVolumeClaim":{"claimName":"{{{storageClass}}}"}}]""");
                    pod["spec"]!["containers"]![0]!["volumeMounts"] = JArray.Parse("""[{"name":"data","mountPath":"/data"}]""");
                });

                log.Should().Contain("written");
                await new ClusterUnderTest(stack.Source).Assert(
                    $$"""
                    apiVersion: v1
                    kind: PersistentVolumeClaim
                    metadata: { name: {{storageClass}}, namespace: {{ns}} }
                    status: { phase: Bound }
                    """,
                    cancellationToken: cancel.Token);
            }
        }
        finally
        {
            await stack.CleanUpAsync(ns);
        }
    }

    [ClusterFact]
    [Trait(Component.Name, Component.Stack)]
    [Trait(Component.Name, Component.ArgoCd)]
    public async Task Every_argocd_application_is_synced_and_healthy()
    {
        var stack = new LiveStack(Connection!);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        IReadOnlyList<JObject> applications = [];
        await ObservabilityLiveTests.Until(
            async () =>
            {
                applications = await stack.Source.ListAsync(new ResourceQuery("argoproj.io/v1alpha1", "Application", "argocd"), cancel.Token);
                return applications.Count > 0 && applications.All(a => a.SelectToken("status.sync.status")?.Value<string>() == "Synced" && a.SelectToken("status.health.status")?.Value<string>() == "Healthy");
            },
            "every Application is Synced and Healthy",
            cancel.Token);

        applications.Select(a => a.SelectToken("metadata.name")!.Value<string>()).Should().Contain(["root", "argocd", "istiod", "velero"]);
    }

    private async Task<string> GatewayAddressAsync()
    {
        var service = await new LiveStack(Connection!).Source.GetAsync(new ResourceQuery("v1", "Service", "istio-ingress", "istio-ingressgateway"), CancellationToken.None);
        return service?.SelectToken("status.loadBalancer.ingress[0].ip")?.Value<string>()
            ?? throw new InvalidOperationException("the gateway Service istio-ingress/istio-ingressgateway has no load-balancer address");
    }
}

using System.Net;
using HomeLab.Cluster.Secrets;

namespace HomeLab.Cluster.Tests.Secrets;

public sealed class FetchSealingCertOperationTests : IDisposable
{
    private const string ServicePath = "/api/v1/namespaces/kube-system/services/sealed-secrets-controller";
    private const string Service = """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"sealed-secrets-controller","namespace":"kube-system"},
         "spec":{"ports":[{"name":"web","port":8080,"protocol":"TCP","targetPort":8080}]}}
        """;

    private static readonly string CertificatePem = File.ReadAllText(SealingKeys.CertificatePath);
    private readonly TemporaryFolder folder = new();

    [Fact]
    public void The_proxy_path_is_the_one_kubeseal_uses()
    {
        FetchSealingCertOperation.ProxyPath("kube-system", "sealed-secrets-controller", "http")
            .Should().Be("/api/v1/namespaces/kube-system/services/http:sealed-secrets-controller:http/proxy/v1/cert.pem");
    }

    [Fact]
    public async Task Fetching_reads_the_port_name_from_the_service_then_the_certificate_through_the_service_proxy()
    {
        const string ProxyPath = "/api/v1/namespaces/kube-system/services/http:sealed-secrets-controller:web/proxy/v1/cert.pem";
        await using var api = new LoopbackKubernetesApiFake(new Dictionary<string, FakeResponse>
        {
            [ServicePath] = LoopbackKubernetesApiFake.Json(Service),
            [ProxyPath] = LoopbackKubernetesApiFake.Pem(CertificatePem),
        });
        var output = folder.File("certs/k3s.pem");
        var operation = new FetchSealingCertOperation(api.CreateClient(), SealingKeys.Clock);

        var result = await operation.RunAsync(new FetchSealingCertOptions { OutputPath = output });

        api.Requests.Should().Equal(ServicePath, ProxyPath);
        result.ProxyPath.Should().Be(ProxyPath);
        result.Changed.Should().BeTrue();
        result.KeySizeBits.Should().Be(4096);
        using var fixture = SealingCertificate.Load(SealingKeys.CertificatePath);
        result.Fingerprint.Should().Be(fixture.Fingerprint);
        SealingCertificate.Load(output).Fingerprint.Should().Be(fixture.Fingerprint);

        var again = await operation.RunAsync(new FetchSealingCertOptions { OutputPath = output });
        again.Changed.Should().BeFalse("the file already holds this certificate");
    }

    [Fact]
    public async Task A_given_port_name_and_controller_skip_the_service_lookup()
    {
        const string ProxyPath = "/api/v1/namespaces/sealed-secrets/services/http:sealed-secrets:http/proxy/v1/cert.pem";
        await using var api = new LoopbackKubernetesApiFake(new Dictionary<string, FakeResponse>
        {
            [ProxyPath] = LoopbackKubernetesApiFake.Pem(CertificatePem),
        });

        var result = await new FetchSealingCertOperation(api.CreateClient(), SealingKeys.Clock).RunAsync(new FetchSealingCertOptions
        {
            ControllerNamespace = "sealed-secrets",
            ControllerName = "sealed-secrets",
            PortName = "http",
        });

        api.Requests.Should().Equal(ProxyPath);
        result.OutputPath.Should().BeNull();
        result.Pem.Should().StartWith("-----BEGIN CERTIFICATE-----");
    }

    [Fact]
    public async Task A_missing_controller_service_is_a_clear_error()
    {
        await using var api = new LoopbackKubernetesApiFake(new Dictionary<string, FakeResponse>());

        var fetch = () => new FetchSealingCertOperation(api.CreateClient()).RunAsync(new FetchSealingCertOptions());

        var error = (await fetch.Should().ThrowAsync<SecretSealingException>()).Which;
        error.Message.Should().Be("Not found: service kube-system/sealed-secrets-controller.");
        error.Hint.Should().Contain("Is the Sealed Secrets controller installed");
    }

    [Fact]
    public async Task A_controller_that_is_not_ready_is_a_clear_error()
    {
        await using var api = new LoopbackKubernetesApiFake(new Dictionary<string, FakeResponse>
        {
            [ServicePath] = LoopbackKubernetesApiFake.Json(Service),
            ["/api/v1/namespaces/kube-system/services/http:sealed-secrets-controller:web/proxy/v1/cert.pem"] =
                LoopbackKubernetesApiFake.Status(HttpStatusCode.ServiceUnavailable, "no endpoints available for service"),
        });

        var fetch = () => new FetchSealingCertOperation(api.CreateClient()).RunAsync(new FetchSealingCertOptions());

        var error = (await fetch.Should().ThrowAsync<SecretSealingException>()).Which;
        error.Message.Should().Contain("did not answer").And.Contain("503");
        error.Hint.Should().Contain("ready");
    }

    [Fact]
    public async Task An_answer_that_is_not_a_certificate_is_a_clear_error_naming_where_it_came_from()
    {
        await using var api = new LoopbackKubernetesApiFake(new Dictionary<string, FakeResponse>
        {
            ["/api/v1/namespaces/kube-system/services/http:sealed-secrets-controller:http/proxy/v1/cert.pem"] =
                new(HttpStatusCode.OK, "text/html", "<html>welcome</html>"),
        });

        var fetch = () => new FetchSealingCertOperation(api.CreateClient()).RunAsync(new FetchSealingCertOptions { PortName = "http" });

        (await fetch.Should().ThrowAsync<SecretSealingException>()).WithMessage("*http:sealed-secrets-controller:http/proxy/v1/cert.pem' is not a PEM certificate*");
    }

    [Fact]
    public async Task An_unreachable_API_server_is_a_clear_error()
    {
        var port = LoopbackKubernetesApiFake.FreePort();
        var client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}" });

        var fetch = () => new FetchSealingCertOperation(client).RunAsync(new FetchSealingCertOptions());

        var error = (await fetch.Should().ThrowAsync<SecretSealingException>()).Which;
        error.Message.Should().StartWith($"Cannot reach the API server at http://127.0.0.1:{port}");
        error.Hint.Should().Contain("KUBECONFIG");
    }

    public void Dispose() => folder.Dispose();
}

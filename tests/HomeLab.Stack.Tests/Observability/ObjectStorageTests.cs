using System.Text;
using System.Text.Json.Nodes;
using HomeLab.Cluster.Secrets;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;
using HomeLab.Stack.Tests.Platform;

namespace HomeLab.Stack.Tests.Observability;

/// <summary>On k3s Loki and Tempo keep their data in the backup object store: the endpoint, bucket and credentials agree with it.</summary>
[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public class ObjectStorageTests(RenderedEnvironments fixture)
{
    [Theory]
    [InlineData("loki", "loki.storage.s3.endpoint", "loki.storage.bucketNames.chunks", "singleBinary.extraEnvFrom")]
    [InlineData("tempo", "tempo.storage.trace.s3.endpoint", "tempo.storage.trace.s3.bucket", "tempo.extraEnvFrom")]
    public void On_k3s_the_store_names_the_object_storage_Service_one_of_its_buckets_and_a_Secret_sealed_for_k3d(
        string name, string endpointPath, string bucketPath, string envFromPath)
    {
        var application = Applications.Named(fixture, "k3s", name);
        var values = ValuesFiles.Load([.. Applications.ValueFiles(application).Select(f => System.IO.Path.Combine(fixture.Root, f))]);
        var destination = application.Find("spec.destination.namespace").Should().BeOfType<YamlScalar>().Subject.Value;

        var endpoint = Text(values, endpointPath);
        var (service, port) = Service(endpoint);
        foreach (var environment in new[] { "k3d", "k3s" })
        {
            fixture.Objects(environment).Should().Contain(
                o => o.Kind == "Service" && $"{o.Name}.{o.Namespace}.svc.cluster.local" == service
                    && (o.Find("spec.ports") as YamlList)!.Items.OfType<YamlMap>().Any(p => p.GetString("port") == port),
                $"{name}'s endpoint {endpoint} is a Service port on {environment}");
        }

        Buckets().Should().Contain(Text(values, bucketPath), $"the object store creates {name}'s bucket");

        var secret = ((values.Find(envFromPath) as YamlList)?.Items.OfType<YamlMap>() ?? [])
            .Select(e => e.GetMap("secretRef")?.GetString("name")).Should().ContainSingle(n => n != null).Subject!;
        var credentials = Unsealed(destination, secret);
        credentials.Keys.Should().BeEquivalentTo(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]);
        Identities().Should().Contain(
            (credentials["AWS_ACCESS_KEY_ID"], credentials["AWS_SECRET_ACCESS_KEY"]),
            $"{destination}/{secret} holds an identity object-storage-s3-config knows");
    }

    [Fact]
    public void The_observability_Secrets_come_from_an_Application_of_project_observability_that_Loki_and_Tempo_require()
    {
        foreach (var environment in new[] { "k3d", "k3s" })
        {
            var application = Applications.Named(fixture, environment, "observability-secrets");
            application.Find("spec.project").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("observability");
            Applications.Path(application).Should().Be($"clusters/{environment}/secrets/observability");
            Applications.Requires(Applications.Named(fixture, environment, "loki")).Should().Contain("observability-secrets");
            Applications.Requires(Applications.Named(fixture, environment, "tempo")).Should().Contain("observability-secrets");
        }
    }

    private static string Text(YamlMap values, string path) =>
        values.Find(path).Should().BeOfType<YamlScalar>($"the k3s values set {path}").Subject.Value;

    /// <summary>The host and port of an endpoint with or without its scheme.</summary>
    private static (string Host, string Port) Service(string endpoint)
    {
        var authority = endpoint.Contains("://", StringComparison.Ordinal) ? new Uri(endpoint).Authority : endpoint;
        var parts = authority.Split(':');
        parts.Should().HaveCount(2, $"{endpoint} names its port");
        return (parts[0], parts[1]);
    }

    private List<string> Buckets() =>
        [.. (Single("k3d", "ConfigMap", "backup", "object-storage-buckets").Find("data.buckets") as YamlScalar)!.Value
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The access and secret keys object-storage-s3-config (k3d) gives its identities.</summary>
    private List<(string, string)> Identities()
    {
        var json = JsonNode.Parse(Unsealed("backup", "object-storage-s3-config")["s3.json"])!;
        return [.. json["identities"]!.AsArray().SelectMany(i => i!["credentials"]!.AsArray())
            .Select(c => (c!["accessKey"]!.GetValue<string>(), c["secretKey"]!.GetValue<string>()))];
    }

    /// <summary>A k3d SealedSecret's values, unsealed with the committed test key.</summary>
    private Dictionary<string, string> Unsealed(string @namespace, string name)
    {
        var sealedSecret = Single("k3d", "SealedSecret", @namespace, name);
        using var key = SealingPrivateKey.Load(System.IO.Path.Combine(fixture.Root, "clusters/k3d/sealing-key.pem"));
        var unsealer = new SecretUnsealer(key);
        return (sealedSecret.Find("spec.encryptedData") as YamlMap)!.Entries.ToDictionary(
            e => e.Key,
            e => Encoding.UTF8.GetString(unsealer.Unseal(Convert.FromBase64String(((YamlScalar)e.Value).Value), new SealingTarget(@namespace, name))));
    }

    private KubeObject Single(string environment, string kind, string @namespace, string name)
    {
        var found = fixture.Objects(environment).Where(o => o.Kind == kind && o.Namespace == @namespace && o.Name == name).ToList();
        found.Should().ContainSingle($"{environment} has {kind} {@namespace}/{name}");
        return found[0];
    }
}

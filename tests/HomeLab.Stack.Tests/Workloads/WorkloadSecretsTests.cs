using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;
using HomeLab.Stack.Tests.Platform;

namespace HomeLab.Stack.Tests.Workloads;

/// <summary>The Secrets the rendered workloads reference by name exist, sealed, where the workloads run.</summary>
[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public class WorkloadSecretsTests(RenderedEnvironments fixture)
{
    private static readonly string[] Expected = ["home/home-assistant-prometheus", "media/sonarr-api-key", "media/radarr-api-key", "media/nzbget-control"];

    [Fact]
    public void Every_Secret_a_k3d_workload_references_is_sealed_in_its_namespace_with_the_key_it_reads()
    {
        var references = SecretReferences(fixture.Objects("k3d"));
        references.Select(r => $"{r.Namespace}/{r.Name}").Should().Contain(Expected);

        var sealedSecrets = fixture.Objects("k3d").Where(o => o.Kind == "SealedSecret").ToList();
        foreach (var reference in references)
        {
            var found = sealedSecrets.Where(s => s.Name == reference.Name && s.Namespace == reference.Namespace).ToList();
            found.Should().ContainSingle($"{reference.From} reads Secret {reference.Namespace}/{reference.Name}, so k3d seals it");
            if (reference.Key is { } key)
            {
                (found[0].Find("spec.encryptedData") as YamlMap)!.Keys.Should().Contain(key, $"{reference.From} reads key '{key}'");
            }
        }
    }

    [Fact]
    public void The_workload_Secrets_come_from_an_Application_of_project_workloads_after_their_namespaces()
    {
        foreach (var environment in new[] { "k3d", "k3s" })
        {
            var application = Applications.Named(fixture, environment, "workload-secrets");
            application.Find("spec.project").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("workloads");
            Applications.Path(application).Should().Be($"clusters/{environment}/secrets/workloads");
            Applications.Requires(application).Should().Contain("workload-namespaces").And.Contain("sealed-secrets");
        }
    }

    [Fact]
    public void The_k3s_secrets_directory_lists_every_Secret_the_workloads_reference()
    {
        var readme = File.ReadAllText(System.IO.Path.Combine(fixture.Root, "clusters/k3s/secrets/kustomization.yaml"));

        foreach (var reference in SecretReferences(fixture.Objects("k3d")))
        {
            readme.Should().Contain($"{reference.Namespace}/{reference.Name} ", "k3s needs the same Secrets once its sealing certificate is fetched");
        }
    }

    /// <summary>Every Secret referenced by name (env, envFrom, volumes, ServiceMonitor credentials) in rendered objects.</summary>
    private static List<SecretReference> SecretReferences(IEnumerable<KubeObject> objects)
    {
        var found = new List<SecretReference>();
        foreach (var item in objects.Where(o => o.Namespace is not null && o.Kind != "SealedSecret" && o.Kind != "Secret"))
        {
            Walk(item.Root, item, found);
        }

        return [.. found.DistinctBy(r => (r.Namespace, r.Name, r.Key))];
    }

    private static void Walk(YamlNode node, KubeObject owner, List<SecretReference> found)
    {
        var from = $"{owner.Kind} {owner.Namespace}/{owner.Name}";
        switch (node)
        {
            case YamlMap map:
                foreach (var entry in map.Entries)
                {
                    if (entry.Value is YamlMap reference)
                    {
                        var name = entry.Key switch
                        {
                            "secretKeyRef" or "secretRef" or "bearerTokenSecret" or "credentials" => reference.GetString("name"),
                            "secret" => reference.GetString("secretName"),
                            _ => null,
                        };
                        if (name is not null)
                        {
                            found.Add(new SecretReference(owner.Namespace!, name, reference.GetString("key"), from));
                        }
                    }

                    Walk(entry.Value, owner, found);
                }

                break;
            case YamlList list:
                foreach (var child in list.Items)
                {
                    Walk(child, owner, found);
                }

                break;
        }
    }

    private sealed record SecretReference(string Namespace, string Name, string? Key, string From);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using HomeLab.Pipeline.Updates;
using Xunit.Abstractions;

namespace HomeLab.Build.Tests.Updates;

public sealed class RenovateCoverageTests(ITestOutputHelper output)
{
    private static string ConfigFile => Path.Combine(Repository.Root, ".github", "renovate.json5");

    [Fact]
    public void Every_pin_the_pipeline_knows_of_is_seen_by_a_manager_of_the_renovate_config()
    {
        var pins = PinInventory.Find(Repository.Root);
        foreach (var pin in pins)
        {
            output.WriteLine($"{pin.Kind}: {pin}");
        }

        pins.Select(p => p.Kind).Should().Contain([PinKind.ApplicationChart, PinKind.ValuesImage, PinKind.ValuesImageString, PinKind.ManifestImage, PinKind.KubernetesVersion, PinKind.K3sImage, PinKind.Tool]);
        pins.Should().Contain(p => p.Kind == PinKind.ApplicationChart && p.File == "clusters/k3s/apps/observability-patches.yaml", "the environments' patches restate chart versions");

        RenovateConfig.Load(ConfigFile).Unseen(Repository.Root, pins).Select(f => f.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void A_pin_no_manager_sees_is_an_error_at_its_file_and_line()
    {
        var root = Directory.CreateTempSubdirectory("homelab-renovate-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "manifests", "argocd"));
            Directory.CreateDirectory(Path.Combine(root, "clusters", "lab"));
            File.WriteAllText(Path.Combine(root, "manifests", "argocd", "app.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: { name: demo }\nspec:\n  source:\n    repoURL: https://charts.example.net\n    chart: demo\n    targetRevision: 1.2.3\n");
            File.WriteAllText(Path.Combine(root, "clusters", "lab", "environment.yaml"), "name: lab\nkubernetesVersion: v1.32.4\n");
            var config = Path.Combine(root, "renovate.json5");
            File.WriteAllText(config, """
                // only the environments are looked after
                {
                  "customManagers": [
                    { "customType": "regex", "managerFilePatterns": ["clusters/*/environment.yaml"], "matchStrings": ["kubernetesVersion: (?<currentValue>\\S+)"], },
                  ],
                }
                """);

            var findings = RenovateConfig.Load(config).Unseen(root, PinInventory.Find(root));

            var finding = findings.Should().ContainSingle().Subject;
            finding.Severity.Should().Be(HomeLab.Manifests.Findings.Severity.Error);
            finding.Span!.Value.File.Should().EndWith(Path.Combine("manifests", "argocd", "app.yaml"));
            finding.Span.Value.Line.Should().Be(8);
            finding.Message.Should().Contain("demo 1.2.3");
            finding.Hint.Should().Contain("argocd.managerFilePatterns");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Istio_charts_move_as_one_group_and_kube_prometheus_stack_with_its_operator_crds()
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var config = JsonNode.Parse(File.ReadAllText(ConfigFile), documentOptions: options)!;
        var groups = config["packageRules"]!.AsArray()
            .Where(r => r!["groupName"] is not null)
            .ToDictionary(r => r!["groupName"]!.GetValue<string>(), r => r!["matchPackageNames"]!.AsArray().Select(n => n!.GetValue<string>()).ToList());

        groups["istio"].Should().BeEquivalentTo(["base", "istiod", "gateway"]);
        groups["kube-prometheus-stack"].Should().BeEquivalentTo(["kube-prometheus-stack", "prometheus-operator-crds"]);
        config["schedule"]!.AsArray().Should().ContainSingle();
    }
}

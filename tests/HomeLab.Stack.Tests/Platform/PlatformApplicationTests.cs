using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Yaml;
using HomeLab.Stack.Tests.Observability;

namespace HomeLab.Stack.Tests.Platform;

[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public class PlatformApplicationTests(RenderedEnvironments fixture)
{
    private static readonly string[] PlatformComponents =
        ["argocd", "sealed-secrets", "secrets", "namespaces", "cert-manager", "cert-issuers", "storage", "istio-base", "istiod", "istio-gateway", "istio-mesh", "object-storage", "velero"];

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_platform_component_is_an_application_of_the_platform_project(string environment)
    {
        foreach (var name in PlatformComponents)
        {
            Applications.Named(fixture, environment, name).Root.Find("spec.project").Should()
                .BeOfType<YamlScalar>().Which.Value.Should().Be("platform", $"{name} is a platform component");
        }
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_chart_is_pinned_and_takes_its_values_from_files_in_this_repository(string environment)
    {
        foreach (var application in Applications.In(fixture, environment))
        {
            if (Applications.Chart(application) is not { } chart || chart.GetString("repoURL") == Applications.Repository)
            {
                continue;
            }

            chart.GetString("targetRevision").Should().MatchRegex(@"^v?\d+\.\d+\.\d+$", $"{application.Name}'s chart is pinned to an exact version");
            var files = Applications.ValueFiles(application);
            files.Should().NotBeEmpty($"{application.Name} keeps its values in this repository ($values)");
            foreach (var file in files)
            {
                File.Exists(System.IO.Path.Combine(fixture.Root, file)).Should().BeTrue($"{application.Name}'s value file {file} exists");
            }

            Applications.Sources(application).Should().Contain(
                s => s.GetString("ref") == "values" && s.GetString("repoURL") == Applications.Repository,
                $"{application.Name} names this repository as its $values source");
        }
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_application_declares_its_wave_and_requirements_and_the_waves_respect_them(string environment)
    {
        var applications = Applications.In(fixture, environment).ToDictionary(a => a.Name!, StringComparer.Ordinal);
        foreach (var application in applications.Values.Where(a => a.Name != "root"))
        {
            application.Annotations.Should().ContainKey("argocd.argoproj.io/sync-wave", $"{application.Name} says when it syncs");
            application.Annotations.Should().ContainKey("homelab.dev/requires", $"{application.Name} says what it needs (empty for nothing)");
            foreach (var required in Applications.Requires(application))
            {
                applications.Should().ContainKey(required, $"{application.Name} requires it");
                Applications.Wave(application).Should().BeGreaterThan(Applications.Wave(applications[required]), $"{application.Name} requires {required}");
            }
        }

        var findings = new Linter().Lint(fixture.Objects(environment)).Where(f => f.RuleId == LintRuleIds.WaveRequires);
        findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void The_root_application_bootstraps_its_environments_overlay(string environment)
    {
        var root = Applications.Named(fixture, environment, "root");

        Applications.Path(root).Should().Be($"clusters/{environment}/apps");
        root.Root.Find("spec.syncPolicy.automated").Should().NotBeNull("the root keeps every Application in sync with git");
    }

    [Fact]
    public void Argocd_reports_the_health_of_child_applications_so_waves_wait_for_it()
    {
        var values = ValuesFiles.Load(System.IO.Path.Combine(fixture.Root, "manifests/platform/argocd/values.yaml"));

        var lua = values.GetMap("configs")?.GetMap("cm")?.GetString("resource.customizations.health.argoproj.io_Application");

        lua.Should().NotBeNull().And.Contain("obj.status.health.status").And.Contain("Progressing");
        Applications.Named(fixture, "k3d", "argocd").Root.Find("spec.syncPolicy.automated").Should().NotBeNull("ArgoCD manages itself");
    }

    [Fact]
    public void The_sealed_secrets_controller_keeps_the_name_the_sealing_tools_expect()
    {
        var application = Applications.Named(fixture, "k3d", "sealed-secrets");
        var values = ValuesFiles.Load(System.IO.Path.Combine(fixture.Root, Applications.ValueFiles(application)[0]));

        application.Root.Find("spec.destination.namespace").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("kube-system");
        values.GetString("fullnameOverride").Should().Be("sealed-secrets-controller");
        File.Exists(System.IO.Path.Combine(fixture.Root, "clusters/k3d/sealing-key-secret.yaml")).Should().BeTrue("ClusterUp applies the k3d test key before the controller");
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_application_is_in_a_project_that_permits_its_sources_and_destination(string environment)
    {
        var findings = new Linter().Lint(fixture.Objects(environment)).Where(f => f.RuleId is LintRuleIds.ArgoProject or LintRuleIds.ChartVersionPinned);

        findings.Should().BeEmpty();
        fixture.Objects(environment).Where(o => o.Kind == "AppProject").Select(o => o.Name).Should().BeEquivalentTo("platform", "observability", "workloads");
    }
}

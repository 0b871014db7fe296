using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;

namespace HomeLab.Manifests.Tests.Lint;

public class RuleGapTests
{
    [Theory]
    [InlineData("requests: { cpu: -100m, memory: 64Mi }", "negative cpu")]
    [InlineData("requests: { cpu: 100m, memory: 100m }", "memory 100m")]
    [InlineData("requests: { cpu: 100m, memory: 256Mi }", "requests 256Mi memory, more than its limit of 128Mi")]
    public void Resource_values_that_kubernetes_rejects_or_misreads_are_errors(string requests, string message)
    {
        var yaml = LintTestSet.Baseline.Replace("requests: { cpu: 100m, memory: 64Mi }", requests, StringComparison.Ordinal);

        var finding = LintTestSet.Lint(yaml, LintRuleIds.ResourceValues).Should().ContainSingle().Subject;

        finding.Message.Should().Contain(message);
        finding.Severity.Should().Be(Severity.Error);
        finding.FieldPath.Should().StartWith("spec.template.spec.containers[0].resources.requests.");
    }

    [Fact]
    public void Sensible_resource_values_pass()
    {
        LintTestSet.Lint(LintTestSet.Baseline, LintRuleIds.ResourceValues).Should().BeEmpty();
    }

    [Theory]
    [InlineData("runAsNonRoot: true\n        runAsGroup: 0", true)]
    [InlineData("runAsNonRoot: true\n        runAsGroup: 1000", false)]
    public void Running_with_the_root_group_is_reported(string podSecurity, bool fires)
    {
        var yaml = LintTestSet.Baseline.Replace("runAsNonRoot: true", podSecurity, StringComparison.Ordinal);

        var findings = LintTestSet.Lint(yaml, LintRuleIds.RunAsRootGroup);

        findings.Select(f => f.FieldPath).Should().Equal(fires ? ["spec.template.spec.securityContext.runAsGroup"] : Array.Empty<string>());
    }

    [Fact]
    public void A_replication_controller_is_a_workload_that_a_service_can_select()
    {
        var controller = LintTestSet.Deployment
            .Replace("apiVersion: apps/v1", "apiVersion: v1", StringComparison.Ordinal)
            .Replace("kind: Deployment", "kind: ReplicationController", StringComparison.Ordinal)
            .Replace("matchLabels: { app: web }", "app: web", StringComparison.Ordinal);
        var yaml = LintTestSet.Join(LintTestSet.Namespace, controller, LintTestSet.Service);

        LintTestSet.Lint(yaml, LintRuleIds.ServiceSelector).Should().BeEmpty();
        LintTestSet.Lint(yaml.Replace("image: nginx:1.27", "image: nginx", StringComparison.Ordinal), LintRuleIds.ImageTag).Should().ContainSingle();
    }

    [Fact]
    public void A_network_policy_without_a_namespace_counts_for_default()
    {
        var workload = LintTestSet.Deployment.Replace("  namespace: apps\n", string.Empty, StringComparison.Ordinal);
        var policy = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: default-deny }\nspec: { podSelector: {} }";

        LintTestSet.Lint(LintTestSet.Join(workload, policy), LintRuleIds.NamespaceNetworkPolicy).Should().BeEmpty();
        LintTestSet.Lint(workload, LintRuleIds.NamespaceNetworkPolicy).Should().ContainSingle();
    }

    [Fact]
    public void The_default_app_project_exists_without_being_in_the_set()
    {
        var application = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: { name: web, namespace: argocd }\n"
            + "spec:\n  project: default\n  source: { repoURL: 'https://example.com/x.git', path: apps, targetRevision: main }\n  destination: { server: 'https://kubernetes.default.svc', namespace: apps }";

        LintTestSet.Lint(application, LintRuleIds.ArgoProject).Should().BeEmpty();
        LintTestSet.Lint(application.Replace("project: default", "project: media", StringComparison.Ordinal), LintRuleIds.ArgoProject).Should().ContainSingle();
    }
}

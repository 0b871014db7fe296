using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;

namespace HomeLab.Manifests.Tests.Lint;

public class ContainerRuleTests
{
    [Fact]
    public void The_baseline_set_has_no_findings()
    {
        LintTestSet.Lint(LintTestSet.Baseline).Should().BeEmpty();
    }

    [Fact]
    public void Plain_secrets_are_errors_at_their_kind_and_sealed_secrets_are_not()
    {
        var yaml = LintTestSet.Join(
            "apiVersion: v1\nkind: Secret\nmetadata: { name: db, namespace: apps }\nstringData: { password: hunter2 }",
            "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: { name: db2, namespace: apps }\nspec: { encryptedData: { password: AgB } }");

        var findings = LintTestSet.Lint(yaml, LintRuleIds.NoPlainSecret);

        var finding = findings.Should().ContainSingle().Subject;
        finding.Severity.Should().Be(Severity.Error);
        finding.Object!.Name.Should().Be("db");
        finding.FieldPath.Should().Be("kind");
        finding.Span!.Value.Line.Should().Be(2);
    }

    [Theory]
    [InlineData("nginx", true)]
    [InlineData("nginx:latest", true)]
    [InlineData("registry.local:5000/nginx", true)]
    [InlineData("registry.local:5000/nginx:1.27", false)]
    [InlineData("nginx@sha256:0123456789abcdef", false)]
    [InlineData("nginx:1.27", false)]
    public void Images_need_a_tag_other_than_latest_or_a_digest(string image, bool fires)
    {
        var yaml = LintTestSet.Baseline.Replace("image: nginx:1.27", $"image: {image}", StringComparison.Ordinal);

        var findings = LintTestSet.Lint(yaml, LintRuleIds.ImageTag);

        if (fires)
        {
            var finding = findings.Should().ContainSingle().Subject;
            finding.FieldPath.Should().Be("spec.template.spec.containers[0].image");
            finding.Span!.Value.Line.Should().Be(30);
            finding.Span!.Value.Column.Should().Be(18);
        }
        else
        {
            findings.Should().BeEmpty();
        }
    }

    [Fact]
    public void Missing_requests_and_memory_limit_are_reported_at_the_container()
    {
        var yaml = LintTestSet.Baseline
            .Replace("requests: { cpu: 100m, memory: 64Mi }", "requests: { memory: 64Mi }", StringComparison.Ordinal)
            .Replace("limits: { memory: 128Mi }", "limits: { cpu: 200m }", StringComparison.Ordinal);

        var requests = LintTestSet.Lint(yaml, LintRuleIds.ResourceRequests);
        var limits = LintTestSet.Lint(yaml, LintRuleIds.MemoryLimit);

        requests.Should().ContainSingle().Which.FieldPath.Should().Be("spec.template.spec.containers[0].resources.requests.cpu");
        var limit = limits.Should().ContainSingle().Subject;
        limit.FieldPath.Should().Be("spec.template.spec.containers[0].resources.limits.memory");
        limit.Span!.Value.Line.Should().Be(35, "the nearest existing node is the limits map");
    }

    [Fact]
    public void Long_running_containers_need_both_probes_and_jobs_need_none()
    {
        var deployment = LintTestSet.Baseline.Replace("livenessProbe: { httpGet: { path: /, port: http } }", string.Empty, StringComparison.Ordinal);
        var job = LintTestSet.Join(LintTestSet.Namespace, LintTestSet.Deployment
            .Replace("apps/v1", "batch/v1", StringComparison.Ordinal)
            .Replace("kind: Deployment", "kind: Job", StringComparison.Ordinal)
            .Replace("livenessProbe: { httpGet: { path: /, port: http } }", string.Empty, StringComparison.Ordinal)
            .Replace("readinessProbe: { httpGet: { path: /, port: http } }", string.Empty, StringComparison.Ordinal));

        LintTestSet.Lint(deployment, LintRuleIds.Probes).Should().ContainSingle()
            .Which.Should().Match<Finding>(f => f.FieldPath == "spec.template.spec.containers[0].livenessProbe" && f.Severity == Severity.Warning);
        LintTestSet.Lint(job, LintRuleIds.Probes).Should().BeEmpty();
    }

    [Fact]
    public void Root_users_escalation_and_writable_roots_are_reported()
    {
        var yaml = LintTestSet.Baseline
            .Replace("runAsNonRoot: true", "runAsUser: 0", StringComparison.Ordinal)
            .Replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true", StringComparison.Ordinal)
            .Replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", StringComparison.Ordinal);

        var findings = LintTestSet.Lint(yaml);

        findings.Select(f => (f.RuleId, f.FieldPath)).Should().BeEquivalentTo(new[]
        {
            (LintRuleIds.RunAsNonRoot, "spec.template.spec.securityContext.runAsUser"),
            (LintRuleIds.NoPrivilegeEscalation, "spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation"),
            (LintRuleIds.ReadOnlyRoot, "spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem"),
        });
    }

    [Fact]
    public void A_non_zero_user_counts_as_non_root()
    {
        var yaml = LintTestSet.Baseline.Replace("runAsNonRoot: true", "runAsUser: 1000", StringComparison.Ordinal);

        LintTestSet.Lint(yaml, LintRuleIds.RunAsNonRoot).Should().BeEmpty();
    }

    [Fact]
    public void Privileged_containers_and_host_namespaces_are_errors_unless_allowed()
    {
        var yaml = LintTestSet.Baseline
            .Replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: true\n            privileged: true", StringComparison.Ordinal)
            .Replace("securityContext:\n        runAsNonRoot: true", "hostNetwork: true\n      hostPID: true\n      securityContext:\n        runAsNonRoot: true", StringComparison.Ordinal);
        var allowed = LintConfiguration.Default with { AllowPrivileged = ["apps/*"], AllowHostNamespaces = ["apps/web"] };

        LintTestSet.Lint(yaml, LintRuleIds.NoPrivileged).Should().ContainSingle()
            .Which.FieldPath.Should().Be("spec.template.spec.containers[0].securityContext.privileged");
        LintTestSet.Lint(yaml, LintRuleIds.NoHostNamespaces).Select(f => f.FieldPath)
            .Should().Equal("spec.template.spec.hostNetwork", "spec.template.spec.hostPID");
        LintTestSet.Lint(yaml, configuration: allowed).Where(f => f.RuleId is LintRuleIds.NoPrivileged or LintRuleIds.NoHostNamespaces).Should().BeEmpty();
    }

    [Fact]
    public void Findings_of_init_containers_name_their_own_list_index_and_field()
    {
        var yaml = LintTestSet.Baseline.Replace("      containers:\n", """
                  initContainers:
                    - name: migrate
                      image: migrate:1.0
                      resources:
                        requests: { cpu: -1 }
                    - name: warm
                      image: warm:1.0
                      resources:
                        limits: { memory: 100m }
                  containers:

            """, StringComparison.Ordinal);

        var findings = LintTestSet.Lint(yaml, LintRuleIds.ResourceValues);

        findings.Select(f => (f.FieldPath, f.Message)).Should().Equal(
            ("spec.template.spec.initContainers[0].resources.requests.cpu", "container 'migrate' has a negative cpu (-1)"),
            ("spec.template.spec.initContainers[1].resources.limits.memory", "container 'warm' asks for memory 100m, which is 0.1 bytes (m means thousandths)"));
        findings.Select(f => f.Span!.Value.Line).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems("each finding stands at its own field");
    }
}

using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;

namespace HomeLab.Manifests.Tests.Lint;

public class EnvironmentRuleTests
{
    private static readonly LintEnvironment K3s = new LintEnvironment("k3s")
        .WithNode("server", ("kubernetes.io/hostname", "server"), ("storage/nas", "true"))
        .WithNode("pi", ("kubernetes.io/hostname", "pi"), ("hardware/zigbee", "true"))
        .WithStorageClasses("local-path", "nas");

    [Fact]
    public void Claims_must_name_a_storage_class_the_environment_has()
    {
        var yaml = LintTestSet.Join(
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: data, namespace: apps }\nspec: { storageClassName: ceph, resources: { requests: { storage: 1Gi } } }",
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: ok, namespace: apps }\nspec: { storageClassName: nas }",
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: default, namespace: apps }\nspec: {}",
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: { name: db, namespace: apps }
            spec:
              volumeClaimTemplates:
                - metadata: { name: data }
                  spec: { storageClassName: fast-ssd }
            """);

        var findings = LintTestSet.Lint(yaml, LintRuleIds.StorageClassExists, K3s);

        findings.Select(f => (f.Object!.Name, f.FieldPath)).Should().Equal(
            ("data", "spec.storageClassName"),
            ("db", "spec.volumeClaimTemplates[0].spec.storageClassName"));
        findings[0].Message.Should().Contain("k3s");
        LintTestSet.Lint(yaml, LintRuleIds.StorageClassExists).Should().BeEmpty("without an environment nothing is known about storage classes");
    }

    [Fact]
    public void Storage_class_objects_in_the_set_count_as_existing()
    {
        var yaml = LintTestSet.Join(
            "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: ceph }\nprovisioner: rbd",
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: data, namespace: apps }\nspec: { storageClassName: ceph }");

        LintTestSet.Lint(yaml, LintRuleIds.StorageClassExists, K3s).Should().BeEmpty();
    }

    [Theory]
    [InlineData("nodeSelector: { hardware/zigbee: \"true\" }", null)]
    [InlineData("nodeSelector: { hardware/usb: \"true\" }", "spec.template.spec.nodeSelector")]
    [InlineData("nodeSelector: { hardware/zigbee: \"true\", storage/nas: \"true\" }", "spec.template.spec.nodeSelector")]
    [InlineData("affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: hardware/nvidia, operator: Exists }] }, { matchExpressions: [{ key: storage/nas, operator: In, values: [\"true\"] }] }] } } }", null)]
    [InlineData("affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: hardware/nvidia, operator: Exists }] }] } } }", "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms")]
    [InlineData("affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: metadata.name, operator: In, values: [pi] }] }] } } }", null)]
    public void Required_node_placement_must_be_satisfiable_by_some_node(string placement, string? firingPath)
    {
        var yaml = LintTestSet.Baseline.Replace("      securityContext:\n        runAsNonRoot", $"      {placement}\n      securityContext:\n        runAsNonRoot", StringComparison.Ordinal);

        var findings = LintTestSet.Lint(yaml, LintRuleIds.NodeSelector, K3s);

        if (firingPath is null)
        {
            findings.Should().BeEmpty();
        }
        else
        {
            var finding = findings.Should().ContainSingle().Subject;
            finding.FieldPath.Should().Be(firingPath);
            finding.Severity.Should().Be(Severity.Error);
            finding.Hint.Should().Contain("hardware/zigbee=true");
        }
    }

    [Fact]
    public void Unsatisfiable_preferences_are_warnings()
    {
        const string Preferences = "affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: ["
            + "{ weight: 1, preference: { matchExpressions: [{ key: storage/nas, operator: Exists }] } }, "
            + "{ weight: 1, preference: { matchExpressions: [{ key: hardware/gpu, operator: Exists }] } }] } }";
        var yaml = LintTestSet.Baseline.Replace("      securityContext:\n        runAsNonRoot", $"      {Preferences}\n      securityContext:\n        runAsNonRoot", StringComparison.Ordinal);

        var finding = LintTestSet.Lint(yaml, LintRuleIds.NodePreference, K3s).Should().ContainSingle().Subject;

        finding.Severity.Should().Be(Severity.Warning);
        finding.FieldPath.Should().Be("spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[1].preference");
        LintTestSet.Lint(yaml, LintRuleIds.NodeSelector, K3s).Should().BeEmpty();
    }

    [Fact]
    public void A_group_over_its_budget_is_reported_at_the_budget_line_with_its_largest_members()
    {
        var budgets = ResourceBudgetFile.Parse(
            """
            budgets:
              apps:
                select: { namespaces: [apps] }
                limits: { memory: 200Mi }
              web:
                select: { labels: { app: web } }
                limits: { memory: 256Mi }
                requests: { cpu: 150m }
            """,
            "budgets.yaml");
        budgets.Findings.Should().BeEmpty();

        var findings = LintTestSet.Lint(LintTestSet.Baseline, LintRuleIds.ResourceBudget, K3s.WithBudgets(budgets.Budgets));

        findings.Select(f => f.Span!.Value.Line).Should().Equal(4, 8);
        findings[0].Message.Should().Contain("200Mi").And.Contain("256Mi").And.Contain("apps/web");
        findings[0].Span!.Value.File.Should().Be("budgets.yaml");
        findings[0].Object!.Name.Should().Be("web");
        findings[1].Message.Should().Contain("CPU requests").And.Contain("200m");
    }

    [Fact]
    public void Daemon_sets_count_once_per_node_and_applications_select_by_tracking_label()
    {
        var daemonSet = LintTestSet.Deployment
            .Replace("kind: Deployment", "kind: DaemonSet", StringComparison.Ordinal)
            .Replace("  namespace: apps\n", "  namespace: apps\n  labels: { app.kubernetes.io/instance: agent }\n", StringComparison.Ordinal);
        var budgets = ResourceBudgetFile.Parse("budgets:\n  agent:\n    select: { applications: [agent] }\n    limits: { memory: 200Mi }\n", "budgets.yaml");

        var findings = LintTestSet.Lint(LintTestSet.Join(LintTestSet.Namespace, daemonSet), LintRuleIds.ResourceBudget, K3s.WithBudgets(budgets.Budgets));

        findings.Should().ContainSingle().Which.Message.Should().Contain("256Mi", "two nodes run one 128Mi pod each");
    }
}

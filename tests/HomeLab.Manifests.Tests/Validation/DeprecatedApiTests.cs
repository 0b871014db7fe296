using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;

namespace HomeLab.Manifests.Tests.Validation;

public class DeprecatedApiTests
{
    [Fact]
    public void Deprecated_api_still_served_by_the_target_is_a_warning_with_the_replacement()
    {
        var result = ValidationFixtures.Validate(new ValidationOptions { KubernetesVersion = "1.21" }, "deprecated.yaml");

        var finding = result.Findings.Single(f => f.RuleId == ValidationRuleIds.DeprecatedApi);
        finding.Severity.Should().Be(Severity.Warning);
        finding.Message.Should().Be("extensions/v1beta1 Ingress is deprecated since Kubernetes 1.14 and removed in 1.22 (target 1.21)");
        finding.Hint.Should().StartWith("use apiVersion: networking.k8s.io/v1");
        (finding.Span!.Value.Line, finding.Span!.Value.Column).Should().Be((1, 13));
        result.Findings.Should().NotContain(f => f.RuleId == ValidationRuleIds.UnknownKind, "a deprecated API that is still served is not unknown");
    }

    [Fact]
    public void Api_removed_in_the_target_is_an_error()
    {
        var result = ValidationFixtures.Validate(new ValidationOptions { KubernetesVersion = "1.22.0" }, "deprecated.yaml");

        var finding = result.Findings.Single(f => f.RuleId == ValidationRuleIds.RemovedApi);
        finding.Severity.Should().Be(Severity.Error);
        finding.Message.Should().Be("extensions/v1beta1 Ingress is no longer served since Kubernetes 1.22 (target 1.22)");
        finding.Hint.Should().StartWith("use apiVersion: networking.k8s.io/v1");
    }

    [Theory]
    [InlineData("1.28", null)]
    [InlineData("1.29", Severity.Warning)]
    [InlineData("1.31", Severity.Warning)]
    [InlineData("v1.32.3+k3s1", Severity.Error)]
    public void Flowcontrol_v1beta3_is_judged_by_the_target_version(string target, Severity? expected)
    {
        var result = ValidationFixtures.Validate(new ValidationOptions { KubernetesVersion = target }, "deprecated.yaml");

        var finding = result.Findings.SingleOrDefault(f => f.Object!.Kind == "FlowSchema" && f.RuleId is ValidationRuleIds.DeprecatedApi or ValidationRuleIds.RemovedApi);
        finding?.Severity.Should().Be(expected);
        if (expected is null)
        {
            finding.Should().BeNull();
        }
        else
        {
            finding!.Hint.Should().Be("use apiVersion: flowcontrol.apiserver.k8s.io/v1");
        }
    }

    [Fact]
    public void Pod_security_policy_has_no_replacement_api_but_says_what_to_do()
    {
        var objects = ManifestSet.Parse("apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: p\n", "p.yaml").Objects;

        var finding = new ManifestValidator().Validate(objects).Findings.Should().ContainSingle().Subject;

        finding.RuleId.Should().Be(ValidationRuleIds.RemovedApi);
        finding.Hint.Should().Contain("Pod Security Admission");
    }

    [Fact]
    public void The_table_covers_the_well_known_removals()
    {
        ApiDeprecations.Find("batch/v1beta1", "CronJob")!.RemovedIn.Should().Be(new Version(1, 25));
        ApiDeprecations.Find("autoscaling/v2beta2", "HorizontalPodAutoscaler")!.RemovedIn.Should().Be(new Version(1, 26));
        ApiDeprecations.Find("storage.k8s.io/v1beta1", "CSIStorageCapacity")!.RemovedIn.Should().Be(new Version(1, 27));
        ApiDeprecations.Find("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema")!.RemovedIn.Should().Be(new Version(1, 29));
        ApiDeprecations.Find("apps/v1", "Deployment").Should().BeNull();
    }
}

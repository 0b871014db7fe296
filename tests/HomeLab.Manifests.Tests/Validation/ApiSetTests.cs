using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;

namespace HomeLab.Manifests.Tests.Validation;

public class ApiSetTests
{
    private static IEnumerable<string> Problems(string apiVersion, string kind, string version, string spec = "{}") =>
        new ManifestValidator(new ValidationOptions { KubernetesVersion = version })
            .Validate(ManifestSet.Parse($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: x}}\nspec: {spec}\n", "api.yaml").Objects)
            .Findings.Select(f => f.RuleId);

    [Theory]
    [InlineData("1.28")]
    [InlineData("1.29")]
    [InlineData("1.33")]
    public void A_beta_admission_policy_is_served_from_1_28_to_1_33(string version)
    {
        Problems("admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicy", version).Should().NotContain(ValidationRuleIds.UnknownKind).And.NotContain(ValidationRuleIds.RemovedApi);
    }

    [Fact]
    public void A_beta_admission_policy_is_not_served_before_1_28_nor_from_1_34()
    {
        Problems("admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicy", "1.27").Should().Equal(ValidationRuleIds.UnservedApi);
        Problems("admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicy", "1.34").Should().Equal(ValidationRuleIds.RemovedApi);
    }

    [Fact]
    public void A_beta_service_cidr_is_known_where_it_is_served()
    {
        Problems("networking.k8s.io/v1beta1", "ServiceCIDR", "1.32").Should().NotContain(ValidationRuleIds.UnknownKind);
        Problems("networking.k8s.io/v1beta1", "ServiceCIDR", "1.30").Should().Equal(ValidationRuleIds.UnservedApi);
    }

    [Fact]
    public void A_volume_attributes_class_does_not_pass_before_it_existed()
    {
        Problems("storage.k8s.io/v1", "VolumeAttributesClass", "1.29").Should().Equal(ValidationRuleIds.UnservedApi);
    }

    [Fact]
    public void An_api_older_than_the_target_is_validated_as_before()
    {
        Problems("policy/v1", "PodDisruptionBudget", "1.32", "{maxUnavailable: 1}").Should().BeEmpty();
        Problems("policy/v1", "PodDisruptionBudget", "1.20", "{maxUnavailable: 1}").Should().Equal(ValidationRuleIds.UnservedApi);
    }
}

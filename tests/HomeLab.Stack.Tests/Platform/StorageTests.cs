using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Stack.Tests.Platform;

[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public class StorageTests(RenderedEnvironments fixture)
{
    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Standard_is_the_default_class_on_local_path(string environment)
    {
        var standard = Class(environment, "standard");

        standard.Find("provisioner").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("rancher.io/local-path");
        standard.Annotations.Should().Contain("storageclass.kubernetes.io/is-default-class", "true");
        Classes(environment).Where(c => c.Annotations.GetValueOrDefault("storageclass.kubernetes.io/is-default-class") == "true")
            .Should().ContainSingle("one class of ours is the default");
    }

    [Fact]
    public void Nas_is_a_local_placeholder_on_k3d_and_nfs_on_k3s()
    {
        Class("k3d", "nas").Find("provisioner").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("rancher.io/local-path");
        var nas = Class("k3s", "nas");
        nas.Find("provisioner").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("nfs.csi.k8s.io");
        nas.Find("parameters.server").Should().NotBeNull();
        var driver = Applications.Named(fixture, "k3s", "csi-driver-nfs");
        Applications.Requires(Applications.Named(fixture, "k3s", "storage")).Should().Contain("csi-driver-nfs");
        Applications.Chart(driver)!.GetString("targetRevision").Should().NotBeNullOrEmpty();
        Applications.In(fixture, "k3d").Should().NotContain(a => a.Name == "csi-driver-nfs", "k3d has no NAS to mount");
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void The_environment_file_lists_the_classes_the_manifests_create(string environment)
    {
        var (definition, findings) = EnvironmentFile.Load(System.IO.Path.Combine(fixture.Root, "clusters", environment, "environment.yaml"));
        findings.Should().BeEmpty();

        foreach (var rendered in Classes(environment))
        {
            var declared = definition!.StorageClasses.Should().ContainSingle(c => c.Name == rendered.Name, $"{environment}'s environment.yaml declares {rendered.Name}").Subject;
            declared.Provisioner.Should().Be((rendered.Find("provisioner") as YamlScalar)?.Value);
        }

        definition!.StorageClasses.Where(c => c.IsDefault).Select(c => c.Name).Should().Equal("standard");
    }

    private IEnumerable<KubeObject> Classes(string environment) => fixture.Objects(environment).Where(o => o.Kind == "StorageClass");

    private KubeObject Class(string environment, string name) => Classes(environment).Should().ContainSingle(c => c.Name == name).Subject;
}

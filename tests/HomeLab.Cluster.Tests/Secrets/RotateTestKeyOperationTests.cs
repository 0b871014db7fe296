using System.Text;
using CliWrap;
using CliWrap.Buffered;
using HomeLab.Cluster.Secrets;
using YamlDotNet.RepresentationModel;

namespace HomeLab.Cluster.Tests.Secrets;

public sealed class RotateTestKeyOperationTests(RotatedTestKey rotated) : IClassFixture<RotatedTestKey>
{
    [Fact]
    public void Rotating_writes_a_4096_bit_pair_whose_certificate_seals_what_its_key_unseals()
    {
        using var certificate = SealingCertificate.Load(rotated.Result.CertificatePath, new FixedTimeProvider(RotatedTestKey.Now));
        using var privateKey = SealingPrivateKey.Load(rotated.Result.PrivateKeyPath);
        var target = new SealingTarget("homelab-test", "app-credentials");

        var sealedBytes = new SecretSealer(certificate).Seal("ci"u8, target);

        certificate.KeySizeBits.Should().Be(4096);
        certificate.Warnings.Should().BeEmpty();
        certificate.Fingerprint.Should().Be(rotated.Result.Fingerprint);
        privateKey.Matches(certificate).Should().BeTrue();
        new SecretUnsealer(privateKey).Unseal(sealedBytes, target).Should().Equal("ci"u8.ToArray());
    }

    [Fact]
    public void The_certificate_is_valid_for_ten_years_from_the_injected_clock_in_whole_seconds()
    {
        using var certificate = SealingCertificate.Load(rotated.Result.CertificatePath);

        certificate.Certificate.NotBefore.ToUniversalTime().Should().Be(RotatedTestKey.Now.UtcDateTime);
        certificate.NotAfter.Should().Be(RotatedTestKey.Now.AddDays(3650));
        rotated.Result.NotAfter.Should().Be(certificate.NotAfter);
        certificate.Certificate.Subject.Should().Be("CN=sealed-secret");
    }

    [Fact]
    public void The_private_key_is_written_as_PKCS1_like_the_controller_writes_its_own()
    {
        File.ReadAllText(rotated.Result.PrivateKeyPath).Should().StartWith("-----BEGIN RSA PRIVATE KEY-----");
    }

    [Fact]
    public void The_controller_Secret_installs_the_pair_as_the_active_sealing_key()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(rotated.Result.ControllerSecretPath!)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        string At(params string[] path) => path.Aggregate((YamlNode)root, (node, key) => ((YamlMappingNode)node)[key]).ToString();

        At("kind").Should().Be("Secret");
        At("type").Should().Be("kubernetes.io/tls");
        At("metadata", "namespace").Should().Be("kube-system");
        At("metadata", "name").Should().Be("sealed-secrets-key-homelab-ci");
        At("metadata", "labels", "sealedsecrets.bitnami.com/sealed-secrets-key").Should().Be("active");
        Encoding.ASCII.GetString(Convert.FromBase64String(At("data", "tls.crt"))).Should().Be(File.ReadAllText(rotated.Result.CertificatePath));
        Encoding.ASCII.GetString(Convert.FromBase64String(At("data", "tls.key"))).Should().Be(File.ReadAllText(rotated.Result.PrivateKeyPath));
    }

    [SkippableFact]
    public async Task Kubectl_accepts_the_files_as_a_TLS_key_pair()
    {
        var kubectl = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "kubectl")).FirstOrDefault(File.Exists);
        Skip.If(kubectl is null, "kubectl is not on PATH");

        // kubectl parses both with Go's strict x509 code and checks that they are one pair; no cluster is needed.
        var result = await Cli.Wrap(kubectl!)
            .WithArguments(["create", "secret", "tls", "probe", "--cert", rotated.Result.CertificatePath, "--key", rotated.Result.PrivateKeyPath, "--dry-run=client", "-o", "name"])
            .WithEnvironmentVariables(env => env.Set("KUBECONFIG", Path.Combine(rotated.Folder.Path, "no-kubeconfig")))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        result.StandardError.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        result.StandardOutput.Trim().Should().Be("secret/probe");
    }

    [Fact]
    public async Task An_unusable_key_size_is_a_clear_error()
    {
        var rotate = () => new RotateTestKeyOperation().RunAsync(rotated.Options with { KeySizeBits = 1024 });

        (await rotate.Should().ThrowAsync<SecretSealingException>()).Which.Hint.Should().Contain("4096");
    }

    [Fact]
    public void The_controller_Secret_refuses_a_key_that_does_not_belong_to_the_certificate()
    {
        using var certificate = SealingCertificate.Load(SealingKeys.CertificatePath);
        using var otherKey = SealingPrivateKey.Load(SealingKeys.OtherPrivateKeyPath);

        var write = () => SealingKeySecretManifest.ToYaml(certificate, otherKey);

        write.Should().Throw<SecretSealingException>().WithMessage("*does not belong to the certificate*");
    }
}

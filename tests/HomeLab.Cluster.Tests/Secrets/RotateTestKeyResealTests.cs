using System.Text;
using HomeLab.Cluster.Secrets;

namespace HomeLab.Cluster.Tests.Secrets;

public sealed class RotateTestKeyResealTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public RotateTestKeyResealTests()
    {
        File.Copy(SealingKeys.CertificatePath, CertificatePath);
        File.Copy(SealingKeys.PrivateKeyPath, PrivateKeyPath);
    }

    private string CertificatePath => folder.File("sealing.crt");

    private string PrivateKeyPath => folder.File("sealing.key");

    [Fact]
    public async Task Rotating_re_seals_the_listed_files_from_the_old_key_to_the_new_one()
    {
        var sealedFile = folder.File("app.sealed.yaml");
        await new SealOperation().RunAsync(new SealOptions
        {
            CertificatePath = CertificatePath,
            OutputPath = sealedFile,
            SecretManifestPath = SealingKeys.Fixture("plain-secret.yaml"),
            Scope = SealingScope.NamespaceWide,
        });

        var result = await new RotateTestKeyOperation().RunAsync(Options([sealedFile]));

        result.ResealedFiles.Should().Equal(sealedFile);
        var manifest = SealedSecretManifest.Parse(File.ReadAllText(sealedFile), sealedFile);
        using var newKey = SealingPrivateKey.Load(PrivateKeyPath);
        using var newCertificate = SealingCertificate.Load(CertificatePath);
        newKey.Matches(newCertificate).Should().BeTrue();
        Encoding.UTF8.GetString(new SecretUnsealer(newKey).Unseal(Convert.FromBase64String(manifest.EncryptedData["password"]), manifest.Target))
            .Should().Be("hunter2");
        manifest.Scope.Should().Be(SealingScope.NamespaceWide);
        manifest.Template.Labels.Should().Contain("app.kubernetes.io/name", "app");
    }

    [Fact]
    public async Task A_file_not_sealed_to_the_old_key_stops_the_rotation_before_anything_is_written()
    {
        var foreign = folder.File("foreign.sealed.yaml");
        await new SealOperation().RunAsync(new SealOptions
        {
            CertificatePath = SealingKeys.OtherCertificatePath,
            OutputPath = foreign,
            Name = "x",
            Namespace = "y",
            Literals = ["password=a"],
        });
        var before = (File.ReadAllText(CertificatePath), File.ReadAllText(PrivateKeyPath), File.ReadAllText(foreign));

        var rotate = () => new RotateTestKeyOperation().RunAsync(Options([foreign]));

        var error = (await rotate.Should().ThrowAsync<SecretSealingException>()).Which;
        error.File.Should().Be(foreign);
        error.Message.Should().StartWith("Cannot re-seal 'password'");
        (File.ReadAllText(CertificatePath), File.ReadAllText(PrivateKeyPath), File.ReadAllText(foreign)).Should().Be(before);
    }

    public void Dispose() => folder.Dispose();

    // 2048 bits: these tests are about carrying values over, and generating 4096 bits takes seconds.
    private RotateTestKeyOptions Options(IReadOnlyList<string> reseal) => new()
    {
        CertificatePath = CertificatePath,
        PrivateKeyPath = PrivateKeyPath,
        KeySizeBits = 2048,
        ResealFiles = reseal,
    };
}

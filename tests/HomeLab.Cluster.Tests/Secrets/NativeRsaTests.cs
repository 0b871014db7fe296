using System.Text;
using HomeLab.Cluster.Secrets;

namespace HomeLab.Cluster.Tests.Secrets;

/// <summary>The private-key operation through the system's OpenSSL agrees with BouncyCastle's managed one, value for value.</summary>
public sealed class NativeRsaTests(SealingKeys keys) : IClassFixture<SealingKeys>
{
    [Theory]
    [InlineData(SealingScope.Strict)]
    [InlineData(SealingScope.NamespaceWide)]
    [InlineData(SealingScope.ClusterWide)]
    public void Both_engines_unseal_the_same_values_for_every_scope(SealingScope scope)
    {
        var sealer = new SecretSealer(keys.Certificate);
        var target = new SealingTarget("homelab-test", "app-credentials", scope);
        var values = Enumerable.Range(0, 8).Select(i => Encoding.UTF8.GetBytes(new string('x', i * 37))).ToList();

        foreach (var value in values)
        {
            var sealedBytes = sealer.Seal(value, target);
            new SecretUnsealer(keys.PrivateKey).Unseal(sealedBytes, target).Should().Equal(value);
            new SecretUnsealer(keys.PrivateKey, managedRsa: true).Unseal(sealedBytes, target).Should().Equal(value);
        }
    }

    [Fact]
    public void Both_engines_refuse_a_value_under_another_label_another_key_or_a_damaged_session_key()
    {
        var sealedBytes = new SecretSealer(keys.Certificate).Seal([1, 2, 3], new SealingTarget("a", "one"));
        var other = new SecretSealer(keys.OtherCertificate).Seal([1, 2, 3], new SealingTarget("a", "one"));
        var damaged = (byte[])sealedBytes.Clone();
        damaged[2] = 0xff; // the session key's first byte: the ciphertext is now above the modulus, or decodes to garbage
        foreach (var managed in new[] { false, true })
        {
            var unsealer = new SecretUnsealer(keys.PrivateKey, managed);
            unsealer.TryUnseal(sealedBytes, new SealingTarget("a", "two"), out _, out var wrongName).Should().BeFalse();
            wrongName.Should().Contain("does not decrypt");
            unsealer.TryUnseal(other, new SealingTarget("a", "one"), out _, out var wrongKey).Should().BeFalse();
            wrongKey.Should().Contain("bytes");
            unsealer.TryUnseal(damaged, new SealingTarget("a", "one"), out _, out var broken).Should().BeFalse();
            broken.Should().Contain("does not decrypt");
        }
    }

    [SkippableFact]
    public void OpenSsl_is_used_on_linux_where_libcrypto_3_is_installed()
    {
        Skip.IfNot(
            OperatingSystem.IsLinux() && (File.Exists("/usr/lib/x86_64-linux-gnu/libcrypto.so.3") || File.Exists("/lib/x86_64-linux-gnu/libcrypto.so.3")),
            "needs Linux with OpenSSL 3 (libcrypto.so.3) on x86-64; elsewhere the managed engine is used");

        SecretUnsealer.UsesSystemOpenSsl.Should().BeTrue("libcrypto.so.3 is installed, so unsealing should not fall back to the managed engine");
    }
}

using System.Security.Cryptography;
using System.Text;
using HomeLab.Cluster.Secrets;

namespace HomeLab.Cluster.Tests.Secrets;

/// <summary>
/// Our sealed values checked by implementations that share no code with ours, in both directions: .NET's own RSA and
/// a textbook OAEP decoder read what we write, and we read what Python's `cryptography` package wrote.
/// </summary>
public sealed class GoldenSealingTests(SealingKeys keys) : IClassFixture<SealingKeys>
{
    private static readonly byte[] Value = Encoding.UTF8.GetBytes("golden value \u00e9\u00e8 with UTF-8");

    [Fact]
    public void A_cluster_wide_value_decrypts_with_dotnet_RSA_OAEP_SHA256_and_AesGcm()
    {
        var sealedBytes = new SecretSealer(keys.Certificate).Seal(Value, new SealingTarget(null, null, SealingScope.ClusterWide));

        // The empty cluster-wide label is the same as no label, which is all .NET's OAEP supports.
        var rsaLength = (sealedBytes[0] << 8) | sealedBytes[1];
        var sessionKey = keys.PrivateKey.Key.Decrypt(sealedBytes.AsSpan(2, rsaLength).ToArray(), RSAEncryptionPadding.OaepSHA256);
        sessionKey.Should().HaveCount(32, "the session key is AES-256");
        OpenPayload(sealedBytes, rsaLength, sessionKey).Should().Equal(Value);
    }

    [Theory]
    [InlineData(SealingScope.Strict, "homelab-test/app-credentials")]
    [InlineData(SealingScope.NamespaceWide, "homelab-test")]
    [InlineData(SealingScope.ClusterWide, "")]
    public void A_labelled_value_decrypts_with_a_textbook_OAEP_decoder_under_the_scope_label(SealingScope scope, string label)
    {
        var sealedBytes = new SecretSealer(keys.Certificate).Seal(Value, new SealingTarget("homelab-test", "app-credentials", scope));

        var rsaLength = (sealedBytes[0] << 8) | sealedBytes[1];
        var sessionKey = TextbookOaep.Decrypt(
            keys.PrivateKey.Key.ExportParameters(includePrivateParameters: true),
            sealedBytes.AsSpan(2, rsaLength).ToArray(),
            Encoding.UTF8.GetBytes(label));
        OpenPayload(sealedBytes, rsaLength, sessionKey).Should().Equal(Value);
    }

    [Fact]
    public void The_textbook_decoder_rejects_a_wrong_label_so_the_golden_test_can_fail()
    {
        var sealedBytes = new SecretSealer(keys.Certificate).Seal(Value, new SealingTarget("homelab-test", "app-credentials"));

        var decrypt = () => TextbookOaep.Decrypt(
            keys.PrivateKey.Key.ExportParameters(includePrivateParameters: true),
            sealedBytes.AsSpan(2, 512).ToArray(),
            Encoding.UTF8.GetBytes("homelab-test/other"));

        decrypt.Should().Throw<Exception>().WithMessage("*label hash*");
    }

    [Fact]
    public void A_value_sealed_by_an_independent_python_implementation_unseals_for_its_strict_target_only()
    {
        // Made by Fixtures/Secrets/make-independent-sealed-value.py with the fixture certificate.
        var sealedBytes = Convert.FromBase64String(File.ReadAllText(SealingKeys.Fixture("independent-sealed-strict.txt")).Trim());
        var unsealer = new SecretUnsealer(keys.PrivateKey);

        unsealer.Unseal(sealedBytes, new SealingTarget("homelab-test", "app-credentials"))
            .Should().Equal(Encoding.UTF8.GetBytes("s3cr3t-from-python"));
        unsealer.TryUnseal(sealedBytes, new SealingTarget("other", "app-credentials"), out _, out _).Should().BeFalse();
    }

    // AES-256-GCM under the all-zero 12-byte nonce; the 16-byte tag is the last bytes.
    private static byte[] OpenPayload(byte[] sealedBytes, int rsaLength, byte[] sessionKey)
    {
        var payload = sealedBytes.AsSpan(2 + rsaLength);
        var plaintext = new byte[payload.Length - 16];
        using var aes = new AesGcm(sessionKey, 16);
        aes.Decrypt(new byte[12], payload[..plaintext.Length], payload[plaintext.Length..], plaintext);
        return plaintext;
    }
}

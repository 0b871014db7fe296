using System.Security.Cryptography;
using HomeLab.Cluster.Secrets;

namespace HomeLab.Cluster.Tests.Secrets;

public sealed class SealingCertificateTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public void The_fixture_certificate_loads_as_a_4096_bit_key_without_warnings()
    {
        using var certificate = SealingCertificate.Load(SealingKeys.CertificatePath, SealingKeys.Clock);

        certificate.KeySizeBits.Should().Be(4096);
        certificate.RsaCiphertextLength.Should().Be(512);
        certificate.Warnings.Should().BeEmpty();
        certificate.Fingerprint.Should().MatchRegex("^[0-9a-f]{64}$");
        certificate.Pem.Should().StartWith("-----BEGIN CERTIFICATE-----");
    }

    [Fact]
    public void A_missing_certificate_file_is_a_clear_error_naming_the_file()
    {
        var path = folder.File("missing.pem");

        var load = () => SealingCertificate.Load(path);

        var error = load.Should().Throw<SecretSealingException>().Which;
        error.File.Should().Be(path);
        error.Message.Should().Contain("does not exist");
        error.Hint.Should().Contain("FetchSealingCert");
    }

    [Fact]
    public void A_private_key_given_as_the_certificate_is_named_for_what_it_is()
    {
        var load = () => SealingCertificate.Load(SealingKeys.PrivateKeyPath);

        load.Should().Throw<SecretSealingException>().WithMessage("*holds a private key, not a certificate*");
    }

    [Fact]
    public void Text_that_is_not_PEM_is_a_clear_error()
    {
        var path = folder.Write("cert.pem", "apiVersion: v1\nkind: Secret\n");

        var load = () => SealingCertificate.Load(path);

        load.Should().Throw<SecretSealingException>()
            .Which.ToOneLine().Should().Be(
                $"{path}: '{path}' is not a PEM certificate (no '-----BEGIN CERTIFICATE-----' line). " +
                "Hint: Fetch the controller's certificate with the FetchSealingCert target (kubeseal --fetch-cert does the same).");
    }

    [Fact]
    public void An_empty_certificate_file_is_a_clear_error()
    {
        var path = folder.Write("cert.pem", "\n");

        var load = () => SealingCertificate.Load(path);

        load.Should().Throw<SecretSealingException>().WithMessage("*is empty*");
    }

    [Fact]
    public void A_damaged_certificate_block_is_a_clear_error()
    {
        var path = folder.Write("cert.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        var load = () => SealingCertificate.Load(path);

        load.Should().Throw<SecretSealingException>().WithMessage("*does not parse as X.509*");
    }

    [Fact]
    public void An_ECDSA_certificate_is_rejected_because_sealing_needs_RSA()
    {
        var load = () => SealingCertificate.Load(SealingKeys.Fixture("ecdsa.crt"));

        load.Should().Throw<SecretSealingException>().WithMessage("*holds a key of type ECC, but Sealed Secrets seals with RSA keys only*");
    }

    [Fact]
    public void An_expired_certificate_loads_with_a_warning_instead_of_an_error()
    {
        var afterExpiry = new FixedTimeProvider(new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero));

        using var certificate = SealingCertificate.Load(SealingKeys.CertificatePath, afterExpiry);

        certificate.Warnings.Should().ContainSingle()
            .Which.Should().Contain("expired on 2126-").And.Contain("FetchSealingCert");
    }

    [Fact]
    public void A_certificate_from_before_its_validity_loads_with_a_clock_warning()
    {
        var beforeValidity = new FixedTimeProvider(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));

        using var certificate = SealingCertificate.Load(SealingKeys.CertificatePath, beforeValidity);

        certificate.Warnings.Should().ContainSingle().Which.Should().Contain("clock");
    }

    [Fact]
    public void PKCS8_and_PKCS1_private_keys_load_and_match_only_their_own_certificates()
    {
        using var pkcs8 = SealingPrivateKey.Load(SealingKeys.PrivateKeyPath);
        using var pkcs1 = SealingPrivateKey.Load(SealingKeys.OtherPrivateKeyPath);
        using var certificate = SealingCertificate.Load(SealingKeys.CertificatePath, SealingKeys.Clock);
        using var other = SealingCertificate.Load(SealingKeys.OtherCertificatePath, SealingKeys.Clock);

        pkcs8.Matches(certificate).Should().BeTrue();
        pkcs1.Matches(other).Should().BeTrue();
        pkcs8.Matches(other).Should().BeFalse();
        pkcs8.ExportPem().Should().StartWith("-----BEGIN RSA PRIVATE KEY-----");
    }

    [Fact]
    public void A_certificate_given_as_the_private_key_is_a_clear_error()
    {
        var load = () => SealingPrivateKey.Load(SealingKeys.CertificatePath);

        load.Should().Throw<SecretSealingException>().WithMessage("*holds CERTIFICATE, not an RSA private key*");
    }

    [Fact]
    public void An_encrypted_private_key_is_a_clear_error()
    {
        using var rsa = RSA.Create(1024);
        var path = folder.Write(
            "key.pem",
            rsa.ExportEncryptedPkcs8PrivateKeyPem("passphrase", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1)));

        var load = () => SealingPrivateKey.Load(path);

        load.Should().Throw<SecretSealingException>().WithMessage("*encrypted with a passphrase*");
    }

    public void Dispose() => folder.Dispose();
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto.Parameters;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// The controller's public sealing certificate (what <c>kubeseal --fetch-cert</c> prints): an X.509 certificate holding
/// the RSA key every value is sealed to. Load it with <see cref="Load"/> or <see cref="FromPem"/>.
/// </summary>
public sealed class SealingCertificate : IDisposable
{
    private SealingCertificate(X509Certificate2 certificate, RSA publicKey, string source, IReadOnlyList<string> warnings)
    {
        Certificate = certificate;
        PublicKey = publicKey;
        Source = source;
        Warnings = warnings;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
        bouncyKey = new Lazy<RsaKeyParameters>(() =>
        {
            var parameters = publicKey.ExportParameters(includePrivateParameters: false);
            return new RsaKeyParameters(false, RsaOaep.Unsigned(parameters.Modulus!), RsaOaep.Unsigned(parameters.Exponent!));
        });
    }

    private readonly Lazy<RsaKeyParameters> bouncyKey;

    /// <summary>Where the certificate came from (a path or a URL), for messages.</summary>
    public string Source { get; }

    /// <summary>The certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Its RSA public key.</summary>
    public RSA PublicKey { get; }

    /// <summary>The key size in bits (4096 for a controller-generated key).</summary>
    public int KeySizeBits => PublicKey.KeySize;

    /// <summary>The length every RSA ciphertext sealed to this key has, in bytes.</summary>
    public int RsaCiphertextLength => (KeySizeBits + 7) / 8;

    /// <summary>The end of the certificate's validity.</summary>
    public DateTimeOffset NotAfter => new(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>Lower-case hex SHA-256 of the SubjectPublicKeyInfo: the same for every certificate of the same key.</summary>
    public string Fingerprint { get; }

    /// <summary>Things worth telling the user that do not stop sealing (an expired certificate, a small key).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The certificate as PEM text.</summary>
    public string Pem => Certificate.ExportCertificatePem() + "\n";

    /// <summary>The key for BouncyCastle, built once: building it validates the modulus, which takes far longer than sealing.</summary>
    internal RsaKeyParameters BouncyKey => bouncyKey.Value;

    /// <summary>Loads a PEM certificate file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="time">The clock used to check validity; the system clock when null.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="SecretSealingException">The file is unreadable, not PEM, not a certificate or not RSA.</exception>
    public static SealingCertificate Load(string path, TimeProvider? time = null) =>
        FromPem(TextFiles.Read(path, "sealing certificate", FetchHint), path, time);

    /// <summary>Reads a PEM certificate; the first CERTIFICATE block counts, as with kubeseal.</summary>
    /// <param name="pem">The PEM text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <param name="time">The clock used to check validity; the system clock when null.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="SecretSealingException">The text is not PEM, not a certificate or not RSA.</exception>
    public static SealingCertificate FromPem(string pem, string source, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var blocks = PemBlocks.Read(pem);
        var der = blocks.FirstOrDefault(block => block.Label == "CERTIFICATE").Der;
        if (der is null)
        {
            throw NotACertificate(pem, blocks, source);
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException ex)
        {
            throw new SecretSealingException(
                $"The CERTIFICATE block in '{source}' does not parse as X.509: {ex.Message}",
                FetchHint,
                source,
                innerException: ex);
        }

        var rsa = certificate.GetRSAPublicKey();
        if (rsa is null)
        {
            var algorithm = certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value;
            certificate.Dispose();
            throw new SecretSealingException(
                $"The certificate in '{source}' holds a key of type {algorithm}, but Sealed Secrets seals with RSA keys only.",
                "Use the controller's certificate: " + FetchHint,
                source);
        }

        return new SealingCertificate(certificate, rsa, source, Check(certificate, rsa, source, time ?? TimeProvider.System));
    }

    /// <summary>Wraps a certificate this process made or loaded; it must hold an RSA key.</summary>
    /// <param name="certificate">The certificate; owned by the result from now on.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <param name="time">The clock used to check validity; the system clock when null.</param>
    /// <returns>The sealing certificate.</returns>
    public static SealingCertificate FromCertificate(X509Certificate2 certificate, string source, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var rsa = certificate.GetRSAPublicKey()
            ?? throw new ArgumentException("The certificate does not hold an RSA key.", nameof(certificate));
        return new SealingCertificate(certificate, rsa, source, Check(certificate, rsa, source, time ?? TimeProvider.System));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        PublicKey.Dispose();
        Certificate.Dispose();
    }

    private const string FetchHint = "Fetch the controller's certificate with the FetchSealingCert target (kubeseal --fetch-cert does the same).";

    private static List<string> Check(X509Certificate2 certificate, RSA rsa, string source, TimeProvider time)
    {
        var warnings = new List<string>();
        var now = time.GetUtcNow();
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        if (now > notAfter)
        {
            warnings.Add(
                $"{source}: the sealing certificate expired on {notAfter:yyyy-MM-dd}. The controller still unseals with its key, " +
                "but it has probably renewed it since; fetch the current certificate with FetchSealingCert.");
        }
        else if (now < notBefore)
        {
            warnings.Add($"{source}: the sealing certificate is not valid before {notBefore:yyyy-MM-dd HH:mm} UTC; check this machine's clock.");
        }

        if (rsa.KeySize < 2048)
        {
            warnings.Add($"{source}: the sealing key has only {rsa.KeySize} bits; the controller makes {SealedSecretsWellKnown.ControllerKeySizeBits}-bit keys.");
        }

        return warnings;
    }

    private static SecretSealingException NotACertificate(string pem, List<(string Label, byte[] Der)> blocks, string source)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return new SecretSealingException($"The sealing certificate '{source}' is empty.", FetchHint, source);
        }

        if (blocks.Any(block => block.Label.EndsWith("PRIVATE KEY", StringComparison.Ordinal)))
        {
            return new SecretSealingException(
                $"'{source}' holds a private key, not a certificate.",
                "Seal with the public certificate; keep private keys out of the sealing step. " + FetchHint,
                source);
        }

        if (blocks.Count > 0)
        {
            return new SecretSealingException(
                $"'{source}' holds {PemBlocks.Describe(blocks)}, but no CERTIFICATE block.",
                FetchHint,
                source);
        }

        return new SecretSealingException(
            $"'{source}' is not a PEM certificate (no '-----BEGIN CERTIFICATE-----' line).",
            FetchHint,
            source);
    }
}

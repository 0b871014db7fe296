using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// A controller's RSA private key (the <c>tls.key</c> of its key Secret). Sealing never needs it; it serves tests,
/// verification against the k3d CI key and re-sealing without noise.
/// </summary>
public sealed class SealingPrivateKey : IDisposable
{
    private readonly Lazy<RsaPrivateCrtKeyParameters> bouncyKey;
    private readonly Lazy<OpenSslRsa?> openSsl;

    private SealingPrivateKey(RSA key, string source)
    {
        Key = key;
        Source = source;
        openSsl = new Lazy<OpenSslRsa?>(() => OpenSslRsa.TryCreate(key));
        bouncyKey = new Lazy<RsaPrivateCrtKeyParameters>(() =>
        {
            var p = key.ExportParameters(includePrivateParameters: true);
            return new RsaPrivateCrtKeyParameters(
                RsaOaep.Unsigned(p.Modulus!),
                RsaOaep.Unsigned(p.Exponent!),
                RsaOaep.Unsigned(p.D!),
                RsaOaep.Unsigned(p.P!),
                RsaOaep.Unsigned(p.Q!),
                RsaOaep.Unsigned(p.DP!),
                RsaOaep.Unsigned(p.DQ!),
                RsaOaep.Unsigned(p.InverseQ!));
        });
    }

    /// <summary>Where the key came from, for messages.</summary>
    public string Source { get; }

    /// <summary>The RSA key.</summary>
    public RSA Key { get; }

    /// <summary>The key size in bits.</summary>
    public int KeySizeBits => Key.KeySize;

    /// <summary>The key for BouncyCastle, built once: building it validates the key, which takes far longer than unsealing.</summary>
    internal RsaPrivateCrtKeyParameters BouncyKey => bouncyKey.Value;

    /// <summary>The key in the system's OpenSSL, made once; null where OpenSSL 3 is not available.</summary>
    internal OpenSslRsa? OpenSsl => openSsl.Value;

    /// <summary>Loads a PEM private key file (PKCS#1 <c>RSA PRIVATE KEY</c> or PKCS#8 <c>PRIVATE KEY</c>).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The key.</returns>
    /// <exception cref="SecretSealingException">The file is unreadable, encrypted, or not an RSA private key.</exception>
    public static SealingPrivateKey Load(string path) =>
        FromPem(TextFiles.Read(path, "private key", "Pass the PEM private key file of the controller's key pair."), path);

    /// <summary>Reads a PEM private key (PKCS#1 or PKCS#8).</summary>
    /// <param name="pem">The PEM text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The key.</returns>
    /// <exception cref="SecretSealingException">The text is encrypted or not an RSA private key.</exception>
    public static SealingPrivateKey FromPem(string pem, string source)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var blocks = PemBlocks.Read(pem);
        foreach (var (label, der) in blocks)
        {
            switch (label)
            {
                case "RSA PRIVATE KEY":
                    return Import(source, rsa => rsa.ImportRSAPrivateKey(der, out _));
                case "PRIVATE KEY":
                    return Import(source, rsa => rsa.ImportPkcs8PrivateKey(der, out _));
                case "ENCRYPTED PRIVATE KEY":
                    throw new SecretSealingException(
                        $"The private key in '{source}' is encrypted with a passphrase.",
                        "Decrypt it first (openssl pkey -in key.pem -out plain.pem) and keep the result out of git.",
                        source);
                default:
                    break;
            }
        }

        var found = blocks.Count == 0 ? "no PEM blocks" : PemBlocks.Describe(blocks);
        throw new SecretSealingException(
            $"'{source}' holds {found}, not an RSA private key.",
            "Pass the tls.key of the controller's key Secret (a '-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN PRIVATE KEY-----' file).",
            source);
    }

    /// <summary>Wraps an RSA key this process made; the result owns it.</summary>
    /// <param name="key">The key, with its private part.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The private key.</returns>
    public static SealingPrivateKey FromRsa(RSA key, string source)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SealingPrivateKey(key, source);
    }

    /// <summary>Whether this key is the private half of the certificate's public key.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>True when the moduli and exponents agree.</returns>
    public bool Matches(SealingCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var mine = Key.ExportParameters(includePrivateParameters: false);
        var theirs = certificate.PublicKey.ExportParameters(includePrivateParameters: false);
        return mine.Modulus.AsSpan().SequenceEqual(theirs.Modulus) && mine.Exponent.AsSpan().SequenceEqual(theirs.Exponent);
    }

    /// <summary>Throws unless this key is the private half of the certificate's public key.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <exception cref="SecretSealingException">The key belongs to another certificate.</exception>
    public void EnsureBelongsTo(SealingCertificate certificate)
    {
        if (!Matches(certificate))
        {
            throw new SecretSealingException(
                $"The private key '{Source}' does not belong to the certificate '{certificate.Source}'.",
                "Pass the two halves of one controller's key pair: the tls.key beside the certificate's tls.crt.",
                Source);
        }
    }

    /// <summary>The key as PKCS#1 PEM (<c>RSA PRIVATE KEY</c>), the form the controller writes into its key Secret.</summary>
    /// <returns>The PEM text, ending in a newline.</returns>
    public string ExportPem() => Key.ExportRSAPrivateKeyPem() + "\n";

    /// <inheritdoc />
    public void Dispose()
    {
        if (openSsl.IsValueCreated)
        {
            openSsl.Value?.Dispose();
        }

        Key.Dispose();
    }

    private static SealingPrivateKey Import(string source, Action<RSA> import)
    {
        var rsa = RSA.Create();
        try
        {
            import(rsa);
            return new SealingPrivateKey(rsa, source);
        }
        catch (CryptographicException ex)
        {
            rsa.Dispose();
            throw new SecretSealingException(
                $"'{source}' does not hold a readable RSA private key: {ex.Message}",
                "Sealed Secrets keys are RSA; pass the tls.key of the controller's key Secret.",
                source,
                innerException: ex);
        }
    }
}

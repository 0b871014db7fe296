using System.Buffers.Binary;
using System.Security.Cryptography;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// Seals values to a controller's certificate exactly as kubeseal does, with no kubeseal binary: each value gets a fresh
/// 32-byte session key, is encrypted with AES-256-GCM under an all-zero nonce, and the session key is encrypted with
/// RSA-OAEP (SHA-256) under a label that binds the value to its <see cref="SealingTarget"/>.
/// </summary>
public sealed class SecretSealer
{
    private readonly SealingCertificate certificate;
    private readonly RandomNumberGenerator random;
    private readonly RsaOaepEncryptor encryptor;

    /// <summary>Creates a sealer for one certificate.</summary>
    /// <param name="certificate">The controller's certificate.</param>
    /// <param name="random">Where session keys and OAEP seeds come from; a cryptographic generator when null. Inject a fixed one only in tests.</param>
    public SecretSealer(SealingCertificate certificate, RandomNumberGenerator? random = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        this.certificate = certificate;
        this.random = random ?? RandomNumberGenerator.Create();
        encryptor = new RsaOaepEncryptor(certificate, this.random);
    }

    /// <summary>The certificate values are sealed to.</summary>
    public SealingCertificate Certificate => certificate;

    /// <summary>Seals one value.</summary>
    /// <param name="plaintext">The value.</param>
    /// <param name="target">The Secret it is sealed for.</param>
    /// <returns>The sealed bytes (see <see cref="SealedValue"/> for the layout).</returns>
    /// <exception cref="SecretSealingException">The target lacks the namespace or name its scope needs.</exception>
    public byte[] Seal(ReadOnlySpan<byte> plaintext, SealingTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.EnsureComplete();

        Span<byte> sessionKey = stackalloc byte[SealedValue.SessionKeySize];
        try
        {
            random.GetBytes(sessionKey);
            var encryptedKey = encryptor.Encrypt(sessionKey, target.GetLabel());
            if (encryptedKey.Length > ushort.MaxValue)
            {
                throw new SecretSealingException(
                    $"The sealing key of '{certificate.Source}' is too large ({certificate.KeySizeBits} bits) for the 2-byte length prefix.",
                    "Use the controller's certificate; it holds a 4096-bit key.",
                    certificate.Source);
            }

            var sealedBytes = new byte[SealedValue.LengthPrefixSize + encryptedKey.Length + plaintext.Length + SealedValue.TagSize];
            BinaryPrimitives.WriteUInt16BigEndian(sealedBytes, (ushort)encryptedKey.Length);
            encryptedKey.CopyTo(sealedBytes, SealedValue.LengthPrefixSize);

            var payload = sealedBytes.AsSpan(SealedValue.LengthPrefixSize + encryptedKey.Length);
            using var aes = new AesGcm(sessionKey, SealedValue.TagSize);
            Span<byte> nonce = stackalloc byte[SealedValue.NonceSize];
            nonce.Clear();
            aes.Encrypt(nonce, plaintext, payload[..plaintext.Length], payload[plaintext.Length..]);
            return sealedBytes;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sessionKey);
        }
    }

    /// <summary>Seals one value and encodes it as standard padded base64, the form of <c>spec.encryptedData</c>.</summary>
    /// <param name="plaintext">The value.</param>
    /// <param name="target">The Secret it is sealed for.</param>
    /// <returns>The base64 text.</returns>
    /// <exception cref="SecretSealingException">The target lacks the namespace or name its scope needs.</exception>
    public string SealToBase64(ReadOnlySpan<byte> plaintext, SealingTarget target) => Convert.ToBase64String(Seal(plaintext, target));
}

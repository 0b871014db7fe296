using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// The exact inverse of <see cref="SecretSealer"/>, from a private key: for tests, for verifying values sealed to the k3d
/// CI key, and for telling whether a re-sealed value really changed.
/// </summary>
public sealed class SecretUnsealer
{
    private readonly SealingPrivateKey privateKey;
    private readonly RsaOaepDecryptor decryptor;

    /// <summary>Whether unsealing runs the private-key operation in the system's OpenSSL 3 (Linux) rather than in managed code.</summary>
    public static bool UsesSystemOpenSsl => OpenSslRsa.IsAvailable;

    /// <summary>Creates an unsealer for one private key.</summary>
    /// <param name="privateKey">The controller's private key.</param>
    /// <param name="managedRsa">Whether to use BouncyCastle's managed RSA even where the system's OpenSSL answers (the
    /// two give the same results; OpenSSL is about twenty times faster).</param>
    public SecretUnsealer(SealingPrivateKey privateKey, bool managedRsa = false)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        this.privateKey = privateKey;
        decryptor = new RsaOaepDecryptor(privateKey, managedRsa);
    }

    /// <summary>Unseals one value, or says why it cannot be unsealed.</summary>
    /// <param name="sealedBytes">The sealed bytes.</param>
    /// <param name="target">The Secret the value is expected to be sealed for.</param>
    /// <param name="plaintext">The value, on success.</param>
    /// <param name="failure">Why it failed, otherwise.</param>
    /// <returns>Whether the value unsealed.</returns>
    public bool TryUnseal(
        ReadOnlyMemory<byte> sealedBytes,
        SealingTarget target,
        [NotNullWhen(true)] out byte[]? plaintext,
        [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(target);
        plaintext = null;
        if (!SealedValue.TryParse(sealedBytes, out var value, out var malformed))
        {
            failure = $"the value is malformed: {malformed}";
            return false;
        }

        var expectedLength = (privateKey.KeySizeBits + 7) / 8;
        if (value.EncryptedSessionKey.Length != expectedLength)
        {
            failure = $"its RSA ciphertext is {value.EncryptedSessionKey.Length} bytes, but a {privateKey.KeySizeBits}-bit key makes {expectedLength}-byte ciphertexts " +
                "(it was sealed to another key, or is damaged)";
            return false;
        }

        var sessionKey = decryptor.TryDecrypt(value.EncryptedSessionKey.Span, target.GetLabel());
        if (sessionKey is null)
        {
            failure = $"its session key does not decrypt with this private key for {target} " +
                "(sealed to another key, for another scope, namespace or name, or damaged)";
            return false;
        }

        try
        {
            if (sessionKey.Length is not (16 or 24 or 32))
            {
                failure = $"its session key is {sessionKey.Length} bytes, not an AES key size";
                return false;
            }

            var payload = value.EncryptedPayload.Span;
            var result = new byte[value.PlaintextLength];
            using var aes = new AesGcm(sessionKey, SealedValue.TagSize);
            Span<byte> nonce = stackalloc byte[SealedValue.NonceSize];
            nonce.Clear();
            try
            {
                aes.Decrypt(nonce, payload[..result.Length], payload[result.Length..], result);
            }
            catch (AuthenticationTagMismatchException)
            {
                failure = "its AES-GCM tag does not match (the ciphertext was altered or truncated)";
                return false;
            }

            plaintext = result;
            failure = null;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sessionKey);
        }
    }

    /// <summary>Unseals one value.</summary>
    /// <param name="sealedBytes">The sealed bytes.</param>
    /// <param name="target">The Secret the value is expected to be sealed for.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SecretSealingException">The value does not unseal for this key and target.</exception>
    public byte[] Unseal(ReadOnlyMemory<byte> sealedBytes, SealingTarget target) =>
        TryUnseal(sealedBytes, target, out var plaintext, out var failure)
            ? plaintext
            : throw new SecretSealingException(
                $"Cannot unseal: {failure}.",
                $"Check the private key ('{privateKey.Source}') and the secret's namespace, name and scope annotations.");

    /// <summary>
    /// Finds which scope a value was sealed for, trying strict, namespace-wide and cluster-wide labels for the given
    /// namespace and name; null when none works.
    /// </summary>
    /// <param name="sealedBytes">The sealed bytes.</param>
    /// <param name="namespace">The namespace to try.</param>
    /// <param name="name">The name to try.</param>
    /// <returns>The scope that unseals it, or null.</returns>
    public SealingScope? FindScope(ReadOnlyMemory<byte> sealedBytes, string? @namespace, string? name)
    {
        foreach (var scope in new[] { SealingScope.Strict, SealingScope.NamespaceWide, SealingScope.ClusterWide })
        {
            if (TryUnseal(sealedBytes, new SealingTarget(@namespace, name, scope), out _, out _))
            {
                return scope;
            }
        }

        return null;
    }
}

using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// The layout of one sealed value, as the controller reads it: a 2-byte big-endian length of the RSA ciphertext, the
/// RSA-OAEP ciphertext of the session key, then the AES-256-GCM ciphertext with its 16-byte tag appended.
/// </summary>
public sealed class SealedValue
{
    /// <summary>Bytes of the big-endian length prefix.</summary>
    public const int LengthPrefixSize = 2;

    /// <summary>Bytes of the AES-GCM authentication tag at the end.</summary>
    public const int TagSize = 16;

    /// <summary>Bytes of the AES-GCM nonce, which is all zeros because every session key seals one value.</summary>
    public const int NonceSize = 12;

    /// <summary>Bytes of the AES-256 session key.</summary>
    public const int SessionKeySize = 32;

    private SealedValue(ReadOnlyMemory<byte> encryptedSessionKey, ReadOnlyMemory<byte> encryptedPayload)
    {
        EncryptedSessionKey = encryptedSessionKey;
        EncryptedPayload = encryptedPayload;
    }

    /// <summary>The RSA-OAEP ciphertext of the session key; as long as the RSA modulus.</summary>
    public ReadOnlyMemory<byte> EncryptedSessionKey { get; }

    /// <summary>The AES-GCM ciphertext followed by its tag.</summary>
    public ReadOnlyMemory<byte> EncryptedPayload { get; }

    /// <summary>The length of the plaintext: the payload without its tag.</summary>
    public int PlaintextLength => EncryptedPayload.Length - TagSize;

    /// <summary>Splits sealed bytes into their parts, or says why they are malformed.</summary>
    /// <param name="bytes">The sealed bytes (already base64-decoded).</param>
    /// <param name="value">The parts, when well formed.</param>
    /// <param name="error">Why not, otherwise.</param>
    /// <returns>Whether the bytes are well formed.</returns>
    public static bool TryParse(ReadOnlyMemory<byte> bytes, [NotNullWhen(true)] out SealedValue? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (bytes.Length < LengthPrefixSize)
        {
            error = $"it is {bytes.Length} byte(s) long, too short to hold the 2-byte length prefix";
            return false;
        }

        var rsaLength = BinaryPrimitives.ReadUInt16BigEndian(bytes.Span);
        if (bytes.Length < LengthPrefixSize + rsaLength + TagSize)
        {
            error = $"its length prefix announces a {rsaLength}-byte RSA ciphertext, but only {bytes.Length - LengthPrefixSize} byte(s) follow " +
                $"and the AES-GCM part needs at least {TagSize}";
            return false;
        }

        value = new SealedValue(
            bytes.Slice(LengthPrefixSize, rsaLength),
            bytes[(LengthPrefixSize + rsaLength)..]);
        error = null;
        return true;
    }

    /// <summary>Decodes standard base64 (the form in <c>spec.encryptedData</c>) and splits the result.</summary>
    /// <param name="base64">The base64 text.</param>
    /// <param name="value">The parts, when well formed.</param>
    /// <param name="error">Why not, otherwise.</param>
    /// <returns>Whether the text is well formed.</returns>
    public static bool TryParseBase64(string base64, [NotNullWhen(true)] out SealedValue? value, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(base64);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            value = null;
            error = "it is not valid standard base64";
            return false;
        }

        return TryParse(bytes, out value, out error);
    }
}

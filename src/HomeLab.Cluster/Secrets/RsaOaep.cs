using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Encodings;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// RSA-OAEP with SHA-256 (for both the hash and MGF1) and a label, as Go's <c>rsa.EncryptOAEP</c> does it.
/// .NET's RSA takes no OAEP label, so this goes through BouncyCastle.
/// </summary>
internal static class RsaOaep
{
    public static byte[] Encrypt(RSA publicKey, ReadOnlySpan<byte> plaintext, byte[] label, RandomNumberGenerator random)
    {
        var parameters = publicKey.ExportParameters(includePrivateParameters: false);
        var key = new RsaKeyParameters(false, Unsigned(parameters.Modulus!), Unsigned(parameters.Exponent!));
        var oaep = Create(new RsaEngine(), label);
        oaep.Init(forEncryption: true, new ParametersWithRandom(key, new SecureRandom(new RandomGeneratorBridge(random))));
        var ciphertext = oaep.ProcessBlock(plaintext.ToArray(), 0, plaintext.Length);

        // The value's length prefix promises exactly the modulus length; keep leading zero bytes.
        var size = parameters.Modulus!.Length;
        if (ciphertext.Length < size)
        {
            var padded = new byte[size];
            ciphertext.CopyTo(padded, size - ciphertext.Length);
            return padded;
        }

        return ciphertext;
    }

    internal static OaepEncoding Create(IAsymmetricBlockCipher engine, byte[] label) =>
        new(engine, new Sha256Digest(), new Sha256Digest(), label);

    internal static BigInteger Unsigned(byte[] bigEndian) => new(1, bigEndian);
}

using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Encodings;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// RSA-OAEP with SHA-256 for both the hash and MGF1, and a label, as Go's <c>rsa.EncryptOAEP</c> does it. .NET's RSA
/// takes no OAEP label, so this goes through BouncyCastle.
/// </summary>
internal static class RsaOaep
{
    public static OaepEncoding Create(IAsymmetricBlockCipher engine, byte[] label) =>
        new(engine, new Sha256Digest(), new Sha256Digest(), label);

    public static BigInteger Unsigned(byte[] bigEndian) => new(1, bigEndian);
}

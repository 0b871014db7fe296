using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// RSA-OAEP (SHA-256) encryption with a label for one certificate's public key.
/// </summary>
internal sealed class RsaOaepEncryptor
{
    private readonly RsaKeyParameters key;
    private readonly int modulusLength;
    private readonly SecureRandom random;

    public RsaOaepEncryptor(SealingCertificate certificate, RandomNumberGenerator random)
    {
        key = certificate.BouncyKey;
        modulusLength = certificate.RsaCiphertextLength;
        this.random = new SecureRandom(new RandomGeneratorBridge(random));
    }

    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, byte[] label)
    {
        var oaep = RsaOaep.Create(new RsaEngine(), label);
        oaep.Init(forEncryption: true, new ParametersWithRandom(key, random));
        var ciphertext = oaep.ProcessBlock(plaintext.ToArray(), 0, plaintext.Length);

        // The value's length prefix promises exactly the modulus length; keep leading zero bytes.
        if (ciphertext.Length < modulusLength)
        {
            var padded = new byte[modulusLength];
            ciphertext.CopyTo(padded, modulusLength - ciphertext.Length);
            return padded;
        }

        return ciphertext;
    }
}

using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// RSA-OAEP (SHA-256) decryption with a label for one private key: the private-key operation in the system's OpenSSL
/// where it answers (<see cref="OpenSslRsa"/>), else BouncyCastle's blinded engine; the OAEP decoding with the label in
/// BouncyCastle either way. The raw RSA result of the last ciphertext is kept, so trying the same value under several
/// scope labels costs one private-key operation, not one per label.
/// </summary>
internal sealed class RsaOaepDecryptor
{
    private readonly ICipherParameters key;
    private readonly RememberingRsaEngine engine;
    private readonly Lock gate = new();

    public RsaOaepDecryptor(SealingPrivateKey privateKey, bool managedOnly = false)
    {
        if (!managedOnly && privateKey.OpenSsl is { } native)
        {
            engine = new RememberingRsaEngine(native);
            key = new NativeKey();
        }
        else
        {
            engine = new RememberingRsaEngine(new RsaBlindedEngine());
            key = privateKey.BouncyKey;
        }
    }

    /// <summary>Decrypts, or returns null when the padding or label does not check out.</summary>
    public byte[]? TryDecrypt(ReadOnlySpan<byte> ciphertext, byte[] label)
    {
        lock (gate)
        {
            var oaep = RsaOaep.Create(engine, label);
            oaep.Init(forEncryption: false, new ParametersWithRandom(key, new SecureRandom()));
            try
            {
                return oaep.ProcessBlock(ciphertext.ToArray(), 0, ciphertext.Length);
            }
            catch (Exception ex) when (ex is InvalidCipherTextException or DataLengthException)
            {
                return null;
            }
        }
    }

    /// <summary>An RSA engine that answers a repeated input from memory.</summary>
    private sealed class RememberingRsaEngine(IAsymmetricBlockCipher inner) : IAsymmetricBlockCipher
    {
        private byte[]? lastInput;
        private byte[]? lastOutput;

        public string AlgorithmName => inner.AlgorithmName;

        public void Init(bool forEncryption, ICipherParameters parameters) => inner.Init(forEncryption, parameters);

        public int GetInputBlockSize() => inner.GetInputBlockSize();

        public int GetOutputBlockSize() => inner.GetOutputBlockSize();

        public byte[] ProcessBlock(byte[] inBuf, int inOff, int inLen)
        {
            var input = inBuf.AsSpan(inOff, inLen);
            if (lastInput is not null && input.SequenceEqual(lastInput))
            {
                return (byte[])lastOutput!.Clone();
            }

            var output = inner.ProcessBlock(inBuf, inOff, inLen);
            lastInput = input.ToArray();
            lastOutput = (byte[])output.Clone();
            return output;
        }
    }

    /// <summary>What the OAEP layer passes on to the OpenSSL engine, which holds its key itself.</summary>
    private sealed class NativeKey : ICipherParameters;
}

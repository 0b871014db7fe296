using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Prng;

namespace HomeLab.Cluster.Secrets;

/// <summary>Lets BouncyCastle draw its OAEP seeds from the injected <see cref="RandomNumberGenerator"/>.</summary>
internal sealed class RandomGeneratorBridge(RandomNumberGenerator random) : IRandomGenerator
{
    public void AddSeedMaterial(byte[] seed)
    {
        // The injected generator seeds itself.
    }

    public void AddSeedMaterial(ReadOnlySpan<byte> seed)
    {
        // The injected generator seeds itself.
    }

    public void AddSeedMaterial(long seed)
    {
        // The injected generator seeds itself.
    }

    public void NextBytes(byte[] bytes) => random.GetBytes(bytes);

    public void NextBytes(byte[] bytes, int start, int len) => random.GetBytes(bytes, start, len);

    public void NextBytes(Span<byte> bytes) => random.GetBytes(bytes);
}

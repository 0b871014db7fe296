using System.Security.Cryptography;

namespace HomeLab.Cluster.Tests.Secrets;

/// <summary>
/// A reproducible byte stream (SHA-256 of a seed and a counter) standing in for the cryptographic generator, so that
/// sealing output is byte-for-byte predictable in tests. Never for real sealing.
/// </summary>
public sealed class FixedRandom(string seed) : RandomNumberGenerator
{
    private readonly byte[] seedBytes = System.Text.Encoding.UTF8.GetBytes(seed);
    private long counter;

    public override void GetBytes(byte[] data) => GetBytes(data.AsSpan());

    public override void GetBytes(byte[] data, int offset, int count) => GetBytes(data.AsSpan(offset, count));

    public override void GetBytes(Span<byte> data)
    {
        var filled = 0;
        while (filled < data.Length)
        {
            var block = SHA256.HashData([.. seedBytes, .. BitConverter.GetBytes(counter++)]);
            var take = Math.Min(block.Length, data.Length - filled);
            block.AsSpan(0, take).CopyTo(data[filled..]);
            filled += take;
        }
    }

    public override void GetNonZeroBytes(byte[] data) => throw new NotSupportedException();
}

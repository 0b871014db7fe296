using System.Numerics;
using System.Security.Cryptography;

namespace HomeLab.Cluster.Tests.Secrets;

/// <summary>
/// A second, independent RSA-OAEP (SHA-256, MGF1-SHA-256) decoder written straight from RFC 8017 section 7.1.2 with
/// System.Numerics: raw RSA by modular exponentiation, then the EME-OAEP decoding with a label. It shares no code with
/// the BouncyCastle path the library uses, so agreement between the two is evidence, not tautology.
/// </summary>
public static class TextbookOaep
{
    public static byte[] Decrypt(RSAParameters key, byte[] ciphertext, byte[] label)
    {
        var k = key.Modulus!.Length;
        ciphertext.Length.Should().Be(k, "an OAEP ciphertext is as long as the modulus");

        // m = c^d mod n, by the Chinese remainder theorem (RFC 8017 section 5.1.2).
        var c = new BigInteger(ciphertext, isUnsigned: true, isBigEndian: true);
        var p = Unsigned(key.P!);
        var q = Unsigned(key.Q!);
        var m1 = BigInteger.ModPow(c, Unsigned(key.DP!), p);
        var m2 = BigInteger.ModPow(c, Unsigned(key.DQ!), q);
        var h = (Unsigned(key.InverseQ!) * (m1 - m2)) % p;
        if (h.Sign < 0)
        {
            h += p;
        }

        var m = m2 + (h * q);
        var em = new byte[k];
        var mBytes = m.ToByteArray(isUnsigned: true, isBigEndian: true);
        mBytes.CopyTo(em, k - mBytes.Length);

        const int hLen = 32;
        em[0].Should().Be(0, "EM starts with a zero byte");
        var maskedSeed = em.AsSpan(1, hLen).ToArray();
        var maskedDb = em.AsSpan(1 + hLen).ToArray();
        var seed = Xor(maskedSeed, Mgf1(maskedDb, hLen));
        var db = Xor(maskedDb, Mgf1(seed, k - hLen - 1));

        db.AsSpan(0, hLen).ToArray().Should().Equal(SHA256.HashData(label), "the label hash must match");
        var separator = Array.IndexOf(db, (byte)1, hLen);
        separator.Should().BePositive();
        db.Skip(hLen).Take(separator - hLen).Should().OnlyContain(b => b == 0, "PS is zeros");
        return db[(separator + 1)..];
    }

    private static BigInteger Unsigned(byte[] bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    private static byte[] Mgf1(byte[] seed, int length)
    {
        var output = new List<byte>(length + HashLength);
        for (uint counter = 0; output.Count < length; counter++)
        {
            var c = BitConverter.GetBytes(counter);
            if (BitConverter.IsLittleEndian)
            {
                Array.Reverse(c);
            }

            output.AddRange(SHA256.HashData([.. seed, .. c]));
        }

        return [.. output.Take(length)];
    }

    private const int HashLength = 32;

    private static byte[] Xor(byte[] left, byte[] right) => [.. left.Zip(right, (a, b) => (byte)(a ^ b))];
}

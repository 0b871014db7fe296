using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace HomeLab.Manifests.Environments;

/// <summary>
/// A range of IP addresses written as a CIDR (<c>10.42.0.0/16</c>) or as first and last address
/// (<c>192.168.1.240-192.168.1.250</c>), IPv4 or IPv6.
/// </summary>
public sealed record AddressRange
{
    private AddressRange(string text, AddressFamily family, BigInteger first, BigInteger last, int? prefixLength)
    {
        Text = text;
        Family = family;
        First = first;
        Last = last;
        PrefixLength = prefixLength;
    }

    /// <summary>The range as written.</summary>
    public string Text { get; }

    /// <summary>IPv4 or IPv6.</summary>
    public AddressFamily Family { get; }

    /// <summary>The first address, as a number.</summary>
    public BigInteger First { get; }

    /// <summary>The last address, as a number.</summary>
    public BigInteger Last { get; }

    /// <summary>The prefix length when written as a CIDR; null for a first-last range.</summary>
    public int? PrefixLength { get; }

    /// <summary>Reads a CIDR or a first-last range.</summary>
    /// <param name="text">The text.</param>
    /// <param name="range">The range, when the text is one.</param>
    /// <param name="error">Why the text is not a range, when it is not.</param>
    /// <returns>Whether the text is a range.</returns>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AddressRange? range, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        range = null;
        var trimmed = text.Trim();
        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            if (!IPAddress.TryParse(trimmed[..dash].Trim(), out var firstAddress) || !IPAddress.TryParse(trimmed[(dash + 1)..].Trim(), out var lastAddress))
            {
                error = $"'{text}' is not a range of two IP addresses such as 192.168.1.240-192.168.1.250";
                return false;
            }

            if (firstAddress.AddressFamily != lastAddress.AddressFamily)
            {
                error = $"'{text}' mixes IPv4 and IPv6";
                return false;
            }

            var first = ToNumber(firstAddress);
            var last = ToNumber(lastAddress);
            if (last < first)
            {
                error = $"'{text}' ends before it starts";
                return false;
            }

            range = new AddressRange(text, firstAddress.AddressFamily, first, last, null);
            error = null;
            return true;
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(trimmed[..slash], out var address)
            || !int.TryParse(trimmed.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            error = $"'{text}' is not a CIDR such as 10.42.0.0/16";
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefix > bits)
        {
            error = $"'{text}' has a prefix longer than {bits} bits";
            return false;
        }

        var start = ToNumber(address);
        var size = BigInteger.One << (bits - prefix);
        var network = start - (start % size);
        if (network != start)
        {
            error = $"'{text}' has host bits set: the network is {FromNumber(network, address.AddressFamily)}/{prefix}";
            return false;
        }

        range = new AddressRange(text, address.AddressFamily, network, network + size - 1, prefix);
        error = null;
        return true;
    }

    /// <summary>Whether this range and another share any address.</summary>
    /// <param name="other">The other range.</param>
    /// <returns>True when they overlap.</returns>
    public bool Overlaps(AddressRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Family == other.Family && First <= other.Last && other.First <= Last;
    }

    /// <summary>Whether another range lies wholly inside this one.</summary>
    /// <param name="other">The other range.</param>
    /// <returns>True when it does.</returns>
    public bool Contains(AddressRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Family == other.Family && First <= other.First && other.Last <= Last;
    }

    /// <summary>The range as written.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;

    private static BigInteger ToNumber(IPAddress address) => new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    private static IPAddress FromNumber(BigInteger number, AddressFamily family)
    {
        var bytes = new byte[family == AddressFamily.InterNetwork ? 4 : 16];
        number.TryWriteBytes(bytes.AsSpan(bytes.Length - number.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return new IPAddress(bytes);
    }
}

using System.Globalization;

namespace HomeLab.Manifests.Objects;

/// <summary>
/// Kubernetes resource quantities (<c>500m</c>, <c>1.5Gi</c>, <c>2e3</c>) — the one copy of their grammar, their
/// value and how budgets print them, for validation and lint alike.
/// </summary>
public static class ResourceQuantity
{
    private static readonly Dictionary<string, decimal> Factors = new(StringComparer.Ordinal)
    {
        ["Ki"] = 1024m,
        ["Mi"] = 1024m * 1024,
        ["Gi"] = 1024m * 1024 * 1024,
        ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024,
        ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
        ["n"] = 0.000000001m,
        ["u"] = 0.000001m,
        ["m"] = 0.001m,
        [string.Empty] = 1m,
        ["k"] = 1e3m,
        ["M"] = 1e6m,
        ["G"] = 1e9m,
        ["T"] = 1e12m,
        ["P"] = 1e15m,
        ["E"] = 1e18m,
    };

    /// <summary>Whether text is a quantity as the API server reads one: a signed decimal number, then a binary or decimal suffix or an exponent.</summary>
    /// <param name="text">The text.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValid(ReadOnlySpan<char> text) => Split(text) is not null;

    /// <summary>The value of a quantity that is not negative: bytes for memory, cores for CPU.</summary>
    /// <param name="text">The text; surrounding blanks are ignored.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether the text is a quantity of zero or more.</returns>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        var trimmed = (text ?? string.Empty).AsSpan().Trim();
        if (Split(trimmed) is not { } number)
        {
            return false;
        }

        var suffix = trimmed[number..];
        var parsed = Factors.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(suffix, out var factor)
            ? decimal.TryParse(trimmed[..number], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var mantissa) && TryMultiply(mantissa, factor, out value)
            : decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        return parsed && value >= 0;
    }

    /// <summary>Bytes as a budget prints them: <c>1.5Gi</c>, <c>256Mi</c>.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The text.</returns>
    public static string FormatBytes(decimal bytes)
    {
        const decimal Mi = 1024m * 1024;
        return bytes >= 1024 * Mi
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * Mi):0.##}Gi")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / Mi:0.##}Mi");
    }

    /// <summary>Cores as a budget prints them: <c>500m</c>, <c>2.5</c>.</summary>
    /// <param name="cores">The cores.</param>
    /// <returns>The text.</returns>
    public static string FormatCores(decimal cores) =>
        cores < 1 ? string.Create(CultureInfo.InvariantCulture, $"{cores * 1000:0}m") : string.Create(CultureInfo.InvariantCulture, $"{cores:0.###}");

    private static bool TryMultiply(decimal mantissa, decimal factor, out decimal value)
    {
        try
        {
            value = mantissa * factor;
            return true;
        }
        catch (OverflowException)
        {
            value = 0;
            return false;
        }
    }

    /// <summary>Where the number of a valid quantity ends (its suffix or exponent starts); null when the text is no quantity.</summary>
    private static int? Split(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return null;
        }

        var suffix = text[i..];
        if (Factors.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(suffix))
        {
            return i;
        }

        if (suffix[0] is not ('e' or 'E'))
        {
            return null;
        }

        var exponent = suffix[1..];
        if (!exponent.IsEmpty && exponent[0] is '+' or '-')
        {
            exponent = exponent[1..];
        }

        return !exponent.IsEmpty && !exponent.ContainsAnyExceptInRange('0', '9') ? i : null;
    }
}

namespace HomeLab.Manifests.Validation;

/// <summary>The text form of a Kubernetes resource quantity: a decimal number with an optional suffix
/// (<c>Ki Mi Gi Ti Pi Ei</c>, <c>n u m k M G T P E</c>) or a decimal exponent (<c>1e3</c>).</summary>
internal static class QuantityFormat
{
    public static bool IsValid(ReadOnlySpan<char> text)
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
            return false;
        }

        var suffix = text[i..];
        if (suffix.IsEmpty || suffix is "Ki" or "Mi" or "Gi" or "Ti" or "Pi" or "Ei" or "n" or "u" or "m" or "k" or "M" or "G" or "T" or "P" or "E")
        {
            return true;
        }

        if (suffix[0] is not ('e' or 'E'))
        {
            return false;
        }

        var exponent = suffix[1..];
        if (!exponent.IsEmpty && exponent[0] is '+' or '-')
        {
            exponent = exponent[1..];
        }

        return !exponent.IsEmpty && !exponent.ContainsAnyExceptInRange('0', '9');
    }
}

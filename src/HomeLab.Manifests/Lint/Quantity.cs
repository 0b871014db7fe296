using System.Globalization;

namespace HomeLab.Manifests.Lint;

/// <summary>Reads Kubernetes resource quantities (<c>500m</c>, <c>1.5Gi</c>, <c>128M</c>, <c>1e3</c>) as numbers of base
/// units (cores, bytes) and writes them back in binary units for messages.</summary>
internal static class Quantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
        ("n", 0.000000001m), ("u", 0.000001m), ("m", 0.001m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m),
        ("P", 1e15m), ("E", 1e18m),
    ];

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        foreach (var (suffix, factor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && decimal.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                value = number * factor;
                return value >= 0;
            }
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            value = plain;
            return value >= 0;
        }

        return false;
    }

    public static string FormatBytes(decimal bytes)
    {
        const decimal Mi = 1024m * 1024;
        return bytes >= 1024 * Mi
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * Mi):0.##}Gi")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / Mi:0.##}Mi");
    }

    public static string FormatCores(decimal cores) =>
        cores < 1 ? string.Create(CultureInfo.InvariantCulture, $"{cores * 1000:0}m") : string.Create(CultureInfo.InvariantCulture, $"{cores:0.###}");
}

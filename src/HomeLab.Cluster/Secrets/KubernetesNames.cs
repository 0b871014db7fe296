using System.Text.RegularExpressions;

namespace HomeLab.Cluster.Secrets;

/// <summary>Checks Secret names, namespaces and data keys against the API server's rules, before sealing.</summary>
internal static partial class KubernetesNames
{
    public static void EnsureName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new SecretSealingException("The Secret has no name.", "Set metadata.name (or the Name option).");
        }

        if (name.Length > 253 || !Subdomain().IsMatch(name))
        {
            throw new SecretSealingException(
                $"'{name}' is not a valid Secret name.",
                "Use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (at most 253 characters).");
        }
    }

    public static void EnsureNamespace(string @namespace)
    {
        if (@namespace.Length > 63 || !Label().IsMatch(@namespace))
        {
            throw new SecretSealingException(
                $"'{@namespace}' is not a valid namespace.",
                "Use lower-case letters, digits and '-', starting and ending with a letter or digit (at most 63 characters).");
        }
    }

    public static string EnsureKey(string key)
    {
        if (key.Length is 0 or > 253 || !DataKey().IsMatch(key) || key is "." or "..")
        {
            throw new SecretSealingException(
                $"'{key}' is not a valid Secret data key.",
                "Use letters, digits, '-', '_' and '.' (at most 253 characters).");
        }

        return key;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex("^[-._a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DataKey();
}

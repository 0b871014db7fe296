using Rules = HomeLab.Manifests.Validation.KubernetesNames;

namespace HomeLab.Cluster.Secrets;

/// <summary>Checks Secret names, namespaces and data keys before sealing, by the one copy of the rules (Manifests' KubernetesNames), in the sealing library's own words.</summary>
internal static class KubernetesNames
{
    public static void EnsureName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new SecretSealingException("The Secret has no name.", "Set metadata.name (or the Name option).");
        }

        if (Rules.CheckDns1123Subdomain(name) is not null)
        {
            throw new SecretSealingException(
                $"'{name}' is not a valid Secret name.",
                "Use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (at most 253 characters).");
        }
    }

    public static void EnsureNamespace(string @namespace)
    {
        if (Rules.CheckDns1123Label(@namespace) is not null)
        {
            throw new SecretSealingException(
                $"'{@namespace}' is not a valid namespace.",
                "Use lower-case letters, digits and '-', starting and ending with a letter or digit (at most 63 characters).");
        }
    }

    public static string EnsureKey(string key)
    {
        if (Rules.CheckDataKey(key) is not null)
        {
            throw new SecretSealingException(
                $"'{key}' is not a valid Secret data key.",
                "Use letters, digits, '-', '_' and '.' (at most 253 characters).");
        }

        return key;
    }
}

using System.Text;

namespace HomeLab.Targets;

/// <summary>Name conventions: kebab-case on the command line, letters-and-digits matching, "did you mean".</summary>
internal static class Names
{
    /// <summary><c>KubernetesVersion</c> → <c>kubernetes-version</c>.</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextLower = i > 0 && i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1]);
                if (previousLower || nextLower)
                {
                    text.Append('-');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c == '_' ? '-' : c);
            }
        }

        return text.ToString();
    }

    /// <summary><c>HOMELAB</c> and <c>KubernetesVersion</c> → <c>HOMELAB_KUBERNETES_VERSION</c>.</summary>
    public static string EnvironmentVariable(string prefix, string name) =>
        prefix + "_" + Kebab(name).Replace('-', '_').ToUpperInvariant();

    /// <summary>Letters and digits only, lower case: how names from the environment and files are matched.</summary>
    public static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }

    /// <summary>The candidate closest to what was typed, when it is close enough to be a typo.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var wanted = Normalize(typed);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = HomeLab.Shared.EditDistance.Between(wanted, Normalize(candidate));
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, wanted.Length / 3) ? best : null;
    }
}

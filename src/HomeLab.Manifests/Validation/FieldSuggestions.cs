namespace HomeLab.Manifests.Validation;

/// <summary>Finds the name a misspelt one was probably meant to be.</summary>
internal static class FieldSuggestions
{
    /// <summary>The closest candidate within a few edits (a case difference or a swap of two letters counts as one), or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, Math.Min(3, name.Length / 3));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            if (Math.Abs(candidate.Length - name.Length) > limit)
            {
                continue;
            }

            var distance = HomeLab.Shared.EditDistance.Between(name, candidate, ignoreCase: true);
            if (distance <= limit && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }
}

namespace HomeLab.Cluster.Secrets;

/// <summary>Converts <see cref="SealingScope"/> to and from its kubeseal name and its annotations.</summary>
public static class SealingScopes
{
    /// <summary>The kubeseal name of a scope: <c>strict</c>, <c>namespace-wide</c> or <c>cluster-wide</c>.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>The name.</returns>
    public static string Format(SealingScope scope) => scope switch
    {
        SealingScope.NamespaceWide => "namespace-wide",
        SealingScope.ClusterWide => "cluster-wide",
        _ => "strict",
    };

    /// <summary>Reads a kubeseal scope name (empty means strict).</summary>
    /// <param name="text">The name.</param>
    /// <param name="scope">The scope, when the name is known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? text, out SealingScope scope)
    {
        switch (text?.Trim())
        {
            case null or "" or "strict":
                scope = SealingScope.Strict;
                return true;
            case "namespace-wide":
                scope = SealingScope.NamespaceWide;
                return true;
            case "cluster-wide":
                scope = SealingScope.ClusterWide;
                return true;
            default:
                scope = SealingScope.Strict;
                return false;
        }
    }

    /// <summary>Reads a kubeseal scope name, or explains which names exist.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="SecretSealingException">The name is not a scope.</exception>
    public static SealingScope Parse(string? text) =>
        TryParse(text, out var scope)
            ? scope
            : throw new SecretSealingException($"'{text}' is not a sealing scope.", "Use strict, namespace-wide or cluster-wide.");

    /// <summary>
    /// The scope the controller reads from annotations: cluster-wide wins over namespace-wide, and only the exact
    /// value <c>"true"</c> counts.
    /// </summary>
    /// <param name="annotations">The annotations, or null.</param>
    /// <returns>The scope.</returns>
    public static SealingScope FromAnnotations(IReadOnlyDictionary<string, string>? annotations)
    {
        if (IsTrue(annotations, SealedSecretsWellKnown.ClusterWideAnnotation))
        {
            return SealingScope.ClusterWide;
        }

        return IsTrue(annotations, SealedSecretsWellKnown.NamespaceWideAnnotation) ? SealingScope.NamespaceWide : SealingScope.Strict;
    }

    /// <summary>Returns the annotations with the scope annotations replaced by those of <paramref name="scope"/>.</summary>
    /// <param name="annotations">The other annotations, or null.</param>
    /// <param name="scope">The scope to record.</param>
    /// <returns>A new, ordinally sorted map.</returns>
    public static SortedDictionary<string, string> WithScope(IReadOnlyDictionary<string, string>? annotations, SealingScope scope)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in annotations ?? new Dictionary<string, string>())
        {
            if (key is not (SealedSecretsWellKnown.ClusterWideAnnotation or SealedSecretsWellKnown.NamespaceWideAnnotation))
            {
                result[key] = value;
            }
        }

        if (AnnotationFor(scope) is { } annotation)
        {
            result[annotation] = "true";
        }

        return result;
    }

    /// <summary>The annotation that selects a scope, or null for strict (which has none).</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>The annotation name, or null.</returns>
    public static string? AnnotationFor(SealingScope scope) => scope switch
    {
        SealingScope.NamespaceWide => SealedSecretsWellKnown.NamespaceWideAnnotation,
        SealingScope.ClusterWide => SealedSecretsWellKnown.ClusterWideAnnotation,
        _ => null,
    };

    private static bool IsTrue(IReadOnlyDictionary<string, string>? annotations, string key) =>
        annotations is not null && annotations.TryGetValue(key, out var value) && value == "true";
}

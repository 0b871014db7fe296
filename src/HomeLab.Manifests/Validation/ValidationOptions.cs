namespace HomeLab.Manifests.Validation;

/// <summary>How <see cref="ManifestValidator"/> checks manifests. Immutable; change with <c>with</c>.</summary>
public sealed record ValidationOptions
{
    /// <summary>The defaults: Kubernetes 1.32, no schema cache, unvalidated custom resources are information only.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>The Kubernetes version checked when neither the environment nor the caller names one.</summary>
    public const string DefaultKubernetesVersion = "1.32";

    /// <summary>The Kubernetes version the manifests target, such as <c>1.32</c>: picks the schema cache directory and
    /// decides which APIs are deprecated (a warning) or removed (an error).</summary>
    public string KubernetesVersion { get; init; } = DefaultKubernetesVersion;

    /// <summary>Whether an object no schema describes is an error instead of information.</summary>
    public bool FailOnUnvalidated { get; init; }

    /// <summary>The root of the schema cache, such as <c>.nuke/cache/schemas</c>; the documents of
    /// <see cref="KubernetesVersion"/> are read from its <c>&lt;version&gt;</c> folder when present, and preferred over
    /// the schemas derived from KubernetesClient's models. Null for no cache.</summary>
    public string? SchemaCacheDirectory { get; init; }

    /// <summary>Files or directories of CustomResourceDefinitions (not validated themselves) whose schemas validate
    /// custom resources, besides the CRDs in the set being validated.</summary>
    public IReadOnlyList<string> ExtraCrdFiles { get; init; } = [];

    /// <summary>How many objects to check at once; -1 (the default) uses every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

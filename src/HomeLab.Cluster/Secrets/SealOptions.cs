namespace HomeLab.Cluster.Secrets;

/// <summary>What to seal and where to write it: the options of the <c>Seal</c> target.</summary>
public sealed record SealOptions
{
    /// <summary>The controller's PEM certificate (from <c>FetchSealingCert</c>).</summary>
    public required string CertificatePath { get; init; }

    /// <summary>
    /// The SealedSecret file to write. When it exists it is re-sealed: unchanged values keep their ciphertext and keys
    /// that are not given are kept.
    /// </summary>
    public string? OutputPath { get; init; }

    /// <summary>A plain Secret manifest to seal (data and stringData, labels, annotations, type); optional.</summary>
    public string? SecretManifestPath { get; init; }

    /// <summary>Values as <c>key=value</c>.</summary>
    public IReadOnlyList<string> Literals { get; init; } = [];

    /// <summary>Values from files as <c>key=path</c>, or <c>path</c> to use the file name as the key.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The Secret's name; overrides the manifest's, then the existing file's.</summary>
    public string? Name { get; init; }

    /// <summary>The Secret's namespace; overrides the manifest's, then the existing file's.</summary>
    public string? Namespace { get; init; }

    /// <summary>The scope; overrides the manifest's annotations, then the existing file's. Strict when nothing says otherwise.</summary>
    public SealingScope? Scope { get; init; }

    /// <summary>The Secret type (such as <c>kubernetes.io/tls</c>); overrides the manifest's, then the existing file's; Opaque otherwise.</summary>
    public string? Type { get; init; }

    /// <summary>
    /// The controller's PEM private key, when at hand (the k3d CI key): existing values are unsealed to prove them
    /// unchanged, and can be carried over to a new scope, namespace or name.
    /// </summary>
    public string? PrivateKeyPath { get; init; }

    /// <summary>Re-seal every given value even when it is, or may be, unchanged.</summary>
    public bool Force { get; init; }

    /// <summary>Remove keys of the existing file that are not given.</summary>
    public bool Prune { get; init; }
}

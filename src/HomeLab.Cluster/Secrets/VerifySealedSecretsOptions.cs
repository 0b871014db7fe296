namespace HomeLab.Cluster.Secrets;

/// <summary>Which SealedSecrets to verify against which environment: the sealed-secret part of the <c>Verify</c> target.</summary>
public sealed record VerifySealedSecretsOptions
{
    /// <summary>The manifest files to read; every SealedSecret in them is checked, and plain Secrets beside them are found.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>The environment's PEM sealing certificate.</summary>
    public required string CertificatePath { get; init; }

    /// <summary>The environment's PEM private key, when at hand (the k3d CI key): every value is then unsealed too.</summary>
    public string? PrivateKeyPath { get; init; }
}

namespace HomeLab.Cluster.Secrets;

/// <summary>The result of verifying SealedSecrets offline.</summary>
/// <param name="Problems">Everything found wrong, in file order; empty when all is well.</param>
/// <param name="SealedSecretCount">How many SealedSecrets were checked.</param>
/// <param name="ValueCount">How many sealed values were checked.</param>
/// <param name="UnsealedValueCount">How many of them were unsealed with the private key (0 without one).</param>
/// <param name="Warnings">Things worth knowing that are not problems of the manifests, such as an expired certificate.</param>
public sealed record SealedSecretVerification(
    IReadOnlyList<SealedSecretProblem> Problems,
    int SealedSecretCount,
    int ValueCount,
    int UnsealedValueCount,
    IReadOnlyList<string> Warnings);

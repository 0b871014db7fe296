namespace HomeLab.Cluster.Secrets;

/// <summary>What <c>RotateTestKey</c> wrote. Holds no key material, so it is safe to print.</summary>
/// <param name="CertificatePath">The certificate file.</param>
/// <param name="PrivateKeyPath">The private key file.</param>
/// <param name="ControllerSecretPath">The controller key Secret manifest, or null.</param>
/// <param name="Fingerprint">Lower-case hex SHA-256 of the new public key.</param>
/// <param name="NotAfter">The end of the certificate's validity.</param>
/// <param name="ResealedFiles">The SealedSecret files re-sealed to the new key.</param>
public sealed record RotateTestKeyResult(
    string CertificatePath,
    string PrivateKeyPath,
    string? ControllerSecretPath,
    string Fingerprint,
    DateTimeOffset NotAfter,
    IReadOnlyList<string> ResealedFiles);

namespace HomeLab.Cluster.Secrets;

/// <summary>What <c>FetchSealingCert</c> got.</summary>
/// <param name="Pem">The certificate as PEM text.</param>
/// <param name="Fingerprint">Lower-case hex SHA-256 of the certificate's public key.</param>
/// <param name="KeySizeBits">The key size in bits.</param>
/// <param name="NotAfter">The end of the certificate's validity.</param>
/// <param name="ProxyPath">The API server path the certificate came from.</param>
/// <param name="OutputPath">The file written, or null.</param>
/// <param name="Changed">Whether the file was written (false when it already held this certificate).</param>
/// <param name="Warnings">Things worth knowing, such as an expired certificate.</param>
public sealed record FetchSealingCertResult(
    string Pem,
    string Fingerprint,
    int KeySizeBits,
    DateTimeOffset NotAfter,
    string ProxyPath,
    string? OutputPath,
    bool Changed,
    IReadOnlyList<string> Warnings);

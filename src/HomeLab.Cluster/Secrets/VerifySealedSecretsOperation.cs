namespace HomeLab.Cluster.Secrets;

/// <summary>Reads manifest files and the environment's keys, and verifies every SealedSecret offline.</summary>
public sealed class VerifySealedSecretsOperation
{
    private readonly TimeProvider time;

    /// <summary>Creates the operation.</summary>
    /// <param name="time">The clock for certificate validity; the system clock when null.</param>
    public VerifySealedSecretsOperation(TimeProvider? time = null) => this.time = time ?? TimeProvider.System;

    /// <summary>Verifies the SealedSecrets in the files.</summary>
    /// <param name="options">The files and the environment's keys.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The problems found (an unreadable manifest file is one) and what was checked.</returns>
    /// <exception cref="SecretSealingException">The certificate or private key is unusable.</exception>
    public async Task<SealedSecretVerification> RunAsync(VerifySealedSecretsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var certificate = SealingCertificate.Load(options.CertificatePath, time);
        using var privateKey = options.PrivateKeyPath is null ? null : SealingPrivateKey.Load(options.PrivateKeyPath);
        var verifier = new SealedSecretVerifier(certificate, privateKey);

        var manifests = new List<ManifestText>();
        var unreadable = new List<SealedSecretProblem>();
        foreach (var file in options.Files)
        {
            try
            {
                manifests.Add(new ManifestText(file, await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                unreadable.Add(new SealedSecretProblem(file, null, null, $"Cannot read the manifest: {ex.Message}", "Check that the file exists and is readable."));
            }
        }

        var result = verifier.Verify(manifests);
        return result with { Problems = [.. unreadable, .. result.Problems] };
    }
}

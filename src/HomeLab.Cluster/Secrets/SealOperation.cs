using System.Security.Cryptography;
using k8s.Models;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// The <c>Seal</c> target's work: reads the values and the certificate, seals them into a SealedSecret file, and keeps
/// the ciphertext of every value that did not change so the git diff shows only real changes.
/// </summary>
public sealed class SealOperation
{
    private readonly TimeProvider time;
    private readonly RandomNumberGenerator? random;

    /// <summary>Creates the operation.</summary>
    /// <param name="time">The clock for certificate validity; the system clock when null.</param>
    /// <param name="random">Where session keys come from; a cryptographic generator when null. Inject a fixed one only in tests.</param>
    public SealOperation(TimeProvider? time = null, RandomNumberGenerator? random = null)
    {
        this.time = time ?? TimeProvider.System;
        this.random = random;
    }

    /// <summary>Seals and writes the SealedSecret file.</summary>
    /// <param name="options">What to seal and where.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="SecretSealingException">A user error: unreadable or invalid input, missing namespace, duplicate key.</exception>
    public async Task<SealResult> RunAsync(SealOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var certificate = SealingCertificate.Load(options.CertificatePath, time);
        using var privateKey = options.PrivateKeyPath is null ? null : SealingPrivateKey.Load(options.PrivateKeyPath);
        privateKey?.EnsureBelongsTo(certificate);

        var existing = options.OutputPath is not null && File.Exists(options.OutputPath)
            ? SealedSecretManifest.Parse(
                TextFiles.Read(options.OutputPath, "SealedSecret", "Check the file's permissions."),
                options.OutputPath)
            : null;
        var secret = Compose(options, existing);
        cancellationToken.ThrowIfCancellationRequested();

        var builder = new SealedSecretBuilder(
            new SecretSealer(certificate, random),
            privateKey is null ? null : new SecretUnsealer(privateKey));
        SealedSecretBuild build;
        try
        {
            build = builder.Build(secret, existing, options.Force, options.Prune);
        }
        catch (SecretSealingException ex) when (ex.File is null)
        {
            throw new SecretSealingException(ex.Message, ex.Hint, options.SecretManifestPath ?? options.OutputPath, null, ex);
        }

        var changed = options.OutputPath is not null
            && await TextFiles.WriteIfChangedAsync(options.OutputPath, build.Manifest.ToYaml(), cancellationToken).ConfigureAwait(false);
        return new SealResult(
            options.OutputPath,
            changed,
            build.Manifest with { Source = options.OutputPath },
            build.Keys,
            [.. certificate.Warnings, .. build.Warnings]);
    }

    private static V1Secret Compose(SealOptions options, SealedSecretManifest? existing)
    {
        var secret = options.SecretManifestPath is null
            ? new V1Secret { Metadata = new V1ObjectMeta(), Data = new Dictionary<string, byte[]>(StringComparer.Ordinal) }
            : PlainSecretReader.Read(options.SecretManifestPath);
        var fromManifest = options.SecretManifestPath is not null;
        secret.Metadata ??= new V1ObjectMeta();
        secret.Data ??= new Dictionary<string, byte[]>(StringComparer.Ordinal);

        var metadata = secret.Metadata;
        metadata.Name = options.Name ?? (fromManifest ? metadata.Name : null) ?? existing?.Name;
        metadata.NamespaceProperty = options.Namespace ?? (fromManifest ? metadata.NamespaceProperty : null) ?? existing?.Namespace;
        var scope = options.Scope
            ?? (fromManifest ? SealingScopes.FromAnnotations(metadata.Annotations?.AsReadOnly()) : existing?.Scope)
            ?? SealingScope.Strict;
        metadata.Annotations = SealingScopes.WithScope(metadata.Annotations?.AsReadOnly(), scope);
        secret.Type = options.Type ?? secret.Type;

        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in secret.Data.Keys.Concat(secret.StringData?.Keys ?? []))
        {
            given[key] = options.SecretManifestPath!;
        }

        foreach (var (key, value, origin) in PlainSecretReader.Literals(options.Literals).Concat(PlainSecretReader.Files(options.Files)))
        {
            if (given.TryGetValue(key, out var first))
            {
                throw new SecretSealingException(
                    $"The key '{key}' is given twice (by {first} and by {origin}).",
                    "Give each key once.");
            }

            given[key] = origin;
            secret.Data[key] = value;
        }

        return secret;
    }
}

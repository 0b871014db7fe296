using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s.Models;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// Makes a new key pair for k3d and CI: an RSA key and a self-signed certificate like the controller's own, written as
/// PEM files, and optionally the Secret that installs it as the controller's active key. SealedSecrets sealed to the old
/// pair are re-sealed to the new one when listed in <see cref="RotateTestKeyOptions.ResealFiles"/>.
/// </summary>
public sealed class RotateTestKeyOperation
{
    private readonly TimeProvider time;

    /// <summary>Creates the operation.</summary>
    /// <param name="time">The clock for the certificate's validity; the system clock when null.</param>
    public RotateTestKeyOperation(TimeProvider? time = null) => this.time = time ?? TimeProvider.System;

    /// <summary>Generates the key pair (a 4096-bit key takes a second or more) and writes the files.</summary>
    /// <param name="options">Where to write and what to make.</param>
    /// <param name="cancellationToken">Stops the work before the files are written.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="SecretSealingException">A file cannot be written, or the key size is unusable.</exception>
    public async Task<RotateTestKeyResult> RunAsync(RotateTestKeyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.KeySizeBits is < 2048 or > 16384 || options.KeySizeBits % 8 != 0)
        {
            throw new SecretSealingException(
                $"{options.KeySizeBits} bits is not a usable sealing key size.",
                $"Use {SealedSecretsWellKnown.ControllerKeySizeBits}, like the controller (at least 2048).");
        }

        var reseal = ReadForReseal(options);
        using var privateKey = SealingPrivateKey.FromRsa(
            await Task.Run(() => RSA.Create(options.KeySizeBits), cancellationToken).ConfigureAwait(false),
            options.PrivateKeyPath);
        cancellationToken.ThrowIfCancellationRequested();
        using var certificate = SealingCertificate.FromCertificate(SelfSign(privateKey.Key, options), options.CertificatePath, time);

        await TextFiles.WriteIfChangedAsync(options.PrivateKeyPath, privateKey.ExportPem(), cancellationToken).ConfigureAwait(false);
        await TextFiles.WriteIfChangedAsync(options.CertificatePath, certificate.Pem, cancellationToken).ConfigureAwait(false);
        if (options.ControllerSecretPath is not null)
        {
            var manifest = SealingKeySecretManifest.ToYaml(certificate, privateKey, options.ControllerNamespace, options.ControllerSecretName);
            await TextFiles.WriteIfChangedAsync(options.ControllerSecretPath, manifest, cancellationToken).ConfigureAwait(false);
        }

        var sealer = new SealedSecretBuilder(new SecretSealer(certificate));
        var resealed = reseal.Select(file => (file.Path, Yaml: sealer.Build(file.Secret, file.Manifest, force: true).Manifest.ToYaml())).ToList();
        foreach (var (path, yaml) in resealed)
        {
            await TextFiles.WriteIfChangedAsync(path, yaml, cancellationToken).ConfigureAwait(false);
        }

        return new RotateTestKeyResult(
            options.CertificatePath,
            options.PrivateKeyPath,
            options.ControllerSecretPath,
            certificate.Fingerprint,
            certificate.NotAfter,
            [.. resealed.Select(file => file.Path)]);
    }

    private static List<(string Path, SealedSecretManifest Manifest, V1Secret Secret)> ReadForReseal(RotateTestKeyOptions options)
    {
        var files = new List<(string, SealedSecretManifest, V1Secret)>();
        if (options.ResealFiles.Count == 0)
        {
            return files;
        }

        using var oldKey = SealingPrivateKey.Load(options.PrivateKeyPath);
        var unsealer = new SecretUnsealer(oldKey);
        foreach (var path in options.ResealFiles)
        {
            var manifest = SealedSecretManifest.Parse(TextFiles.Read(path, "SealedSecret", "List only existing SealedSecret files to re-seal."), path);
            var values = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var (key, base64) in manifest.EncryptedData)
            {
                string? failure = null;
                if (!SealedValue.TryParseBase64(base64, out _, out failure)
                    || !unsealer.TryUnseal(Convert.FromBase64String(base64), manifest.Target, out var plaintext, out failure))
                {
                    throw new SecretSealingException(
                        $"Cannot re-seal '{key}': {failure}.",
                        $"Only files sealed to the current test key ({options.PrivateKeyPath}) can be carried over; seal this one again from its plain values.",
                        path,
                        manifest.EncryptedDataLines.GetValueOrDefault(key, manifest.Line));
                }

                values[key] = plaintext;
            }

            var secret = new V1Secret
            {
                Metadata = new V1ObjectMeta
                {
                    Name = manifest.Name,
                    NamespaceProperty = manifest.Namespace,
                    Annotations = SealingScopes.WithScope(null, manifest.Scope),
                },
                Data = values,
            };
            files.Add((path, manifest, secret));
        }

        return files;
    }

    private X509Certificate2 SelfSign(RSA rsa, RotateTestKeyOptions options)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(options.CommonName);
        var request = new CertificateRequest(subject.Build(), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        // Whole seconds and a serial derived from the key: the same key at the same second gives the same certificate.
        var now = time.GetUtcNow();
        var notBefore = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var serial = SHA256.HashData(request.PublicKey.ExportSubjectPublicKeyInfo())[..16];
        // Positive and minimally encoded, as Go's strict DER parser requires.
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1), notBefore, notBefore + options.Validity, serial);
    }
}

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// Checks SealedSecrets without a cluster: every value parses and is sealed to a key of the certificate's size, unseals
/// with the private key when one is given, the scope annotations say what the controller will read, the namespace and
/// name a strict value is bound to are there, and no plain Secret of the same name sits beside a SealedSecret.
/// </summary>
public sealed class SealedSecretVerifier
{
    private readonly SealingCertificate certificate;
    private readonly SecretUnsealer? unsealer;

    /// <summary>Creates a verifier for one environment.</summary>
    /// <param name="certificate">The environment's sealing certificate.</param>
    /// <param name="privateKey">Its private key, when at hand (the k3d CI key); values are then unsealed too.</param>
    /// <exception cref="SecretSealingException">The private key does not belong to the certificate.</exception>
    public SealedSecretVerifier(SealingCertificate certificate, SealingPrivateKey? privateKey = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        privateKey?.EnsureBelongsTo(certificate);

        this.certificate = certificate;
        unsealer = privateKey is null ? null : new SecretUnsealer(privateKey);
    }

    /// <summary>Verifies every SealedSecret in the manifests; other objects are looked at only to find plain Secrets.</summary>
    /// <param name="manifests">The manifest texts.</param>
    /// <returns>The problems found and what was checked.</returns>
    public SealedSecretVerification Verify(IEnumerable<ManifestText> manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var problems = new List<SealedSecretProblem>();
        var sealedSecrets = new List<SealedSecretManifest>();
        var plainSecrets = new List<ManifestDocument>();
        var values = 0;
        var unsealed = 0;

        foreach (var manifest in manifests)
        {
            List<ManifestDocument> documents;
            try
            {
                documents = ManifestDocument.ReadAll(manifest.Content, manifest.Source);
            }
            catch (SecretSealingException ex)
            {
                problems.Add(new SealedSecretProblem(manifest.Source, ex.Line, null, ex.Message, ex.Hint));
                continue;
            }

            foreach (var document in documents)
            {
                if (document.Kind == "Secret" && document.ApiVersion == "v1")
                {
                    plainSecrets.Add(document);
                }
                else if (document.Kind == SealedSecretsWellKnown.Kind && SealedSecretManifest.Read(document, problems) is { } sealedSecret)
                {
                    sealedSecrets.Add(sealedSecret);
                    CheckScope(sealedSecret, problems);
                    var (checkedValues, unsealedValues) = CheckValues(sealedSecret, problems);
                    values += checkedValues;
                    unsealed += unsealedValues;
                }
            }
        }

        CheckDuplicates(sealedSecrets, problems);
        CheckPlainSecrets(sealedSecrets, plainSecrets, problems);
        return new SealedSecretVerification(problems, sealedSecrets.Count, values, unsealed, certificate.Warnings);
    }

    private static void CheckScope(SealedSecretManifest sealedSecret, List<SealedSecretProblem> problems)
    {
        var file = sealedSecret.Source!;
        var line = sealedSecret.Line;
        var name = sealedSecret.Name;
        foreach (var annotation in new[] { SealedSecretsWellKnown.NamespaceWideAnnotation, SealedSecretsWellKnown.ClusterWideAnnotation })
        {
            if (sealedSecret.Annotations.TryGetValue(annotation, out var value) && value != "true")
            {
                problems.Add(new SealedSecretProblem(
                    file,
                    line,
                    null,
                    $"'{name}' has {annotation}: '{value}', which the controller ignores (only \"true\" counts), so it unseals with the {SealingScopes.Format(sealedSecret.Scope)} scope.",
                    $"Write \"true\" or remove the annotation, and re-seal if its values were sealed for another scope."));
            }
        }

        if (sealedSecret.Annotations.GetValueOrDefault(SealedSecretsWellKnown.NamespaceWideAnnotation) == "true"
            && sealedSecret.Annotations.GetValueOrDefault(SealedSecretsWellKnown.ClusterWideAnnotation) == "true")
        {
            problems.Add(new SealedSecretProblem(
                file,
                line,
                null,
                $"'{name}' is annotated both namespace-wide and cluster-wide; the controller takes cluster-wide.",
                "Keep the one annotation its values were sealed for."));
        }

        var templateSays = SealingScopes.FromAnnotations(sealedSecret.Template.Annotations);
        var templateHasScope = sealedSecret.Template.Annotations.Keys.Any(key => key is SealedSecretsWellKnown.NamespaceWideAnnotation or SealedSecretsWellKnown.ClusterWideAnnotation);
        if (templateHasScope && templateSays != sealedSecret.Scope)
        {
            problems.Add(new SealedSecretProblem(
                file,
                line,
                null,
                $"'{name}' is {SealingScopes.Format(sealedSecret.Scope)} by metadata.annotations but {SealingScopes.Format(templateSays)} by spec.template.metadata.annotations; the controller unseals with metadata's.",
                "Make both say the scope the values were sealed for (re-seal with the Seal target)."));
        }

        if (sealedSecret.Scope != SealingScope.ClusterWide && string.IsNullOrEmpty(sealedSecret.Namespace))
        {
            problems.Add(new SealedSecretProblem(
                file,
                line,
                null,
                $"The {SealingScopes.Format(sealedSecret.Scope)} SealedSecret '{name}' has no metadata.namespace, but its values are bound to one.",
                "Set metadata.namespace to the namespace it was sealed for, or re-seal it cluster-wide."));
        }

        if (sealedSecret.Scope == SealingScope.Strict && sealedSecret.Template.Name is { Length: > 0 } templateName && templateName != name)
        {
            problems.Add(new SealedSecretProblem(
                file,
                line,
                null,
                $"metadata.name '{name}' differs from spec.template.metadata.name '{templateName}': a strict SealedSecret renamed after sealing does not unseal.",
                "Re-seal it under its new name with the Seal target."));
        }

        if (sealedSecret.Scope != SealingScope.ClusterWide && sealedSecret.Template.Namespace is { Length: > 0 } templateNamespace
            && !string.IsNullOrEmpty(sealedSecret.Namespace) && templateNamespace != sealedSecret.Namespace)
        {
            problems.Add(new SealedSecretProblem(
                file,
                line,
                null,
                $"metadata.namespace '{sealedSecret.Namespace}' differs from spec.template.metadata.namespace '{templateNamespace}': a {SealingScopes.Format(sealedSecret.Scope)} SealedSecret moved after sealing does not unseal.",
                "Re-seal it for its new namespace with the Seal target."));
        }
    }

    private (int Values, int Unsealed) CheckValues(SealedSecretManifest sealedSecret, List<SealedSecretProblem> problems)
    {
        var file = sealedSecret.Source!;
        if (sealedSecret.EncryptedData.Count == 0)
        {
            problems.Add(new SealedSecretProblem(
                file,
                sealedSecret.Line,
                null,
                $"The SealedSecret '{sealedSecret.Name}' has no spec.encryptedData values.",
                "Seal its values with the Seal target, or delete it."));
            return (0, 0);
        }

        var unsealed = 0;
        foreach (var (key, base64) in sealedSecret.EncryptedData)
        {
            var line = sealedSecret.EncryptedDataLines.TryGetValue(key, out var keyLine) ? keyLine : sealedSecret.Line;
            if (!SealedValue.TryParseBase64(base64, out var value, out var malformed))
            {
                problems.Add(new SealedSecretProblem(file, line, key, $"The sealed value of '{key}' is malformed: {malformed}.", "Re-seal this key with the Seal target."));
                continue;
            }

            if (value.EncryptedSessionKey.Length != certificate.RsaCiphertextLength)
            {
                problems.Add(new SealedSecretProblem(
                    file,
                    line,
                    key,
                    $"The sealed value of '{key}' holds a {value.EncryptedSessionKey.Length}-byte RSA ciphertext, but this environment's {certificate.KeySizeBits}-bit key makes {certificate.RsaCiphertextLength}-byte ones: it was sealed to another key.",
                    $"Re-seal it with this environment's certificate ({certificate.Source})."));
                continue;
            }

            if (unsealer is null)
            {
                continue;
            }

            var bytes = Convert.FromBase64String(base64);
            if (unsealer.TryUnseal(bytes, sealedSecret.Target, out _, out var failure))
            {
                unsealed++;
                continue;
            }

            var actual = unsealer.FindScope(bytes, sealedSecret.Namespace, sealedSecret.Name);
            var hint = actual is { } scope
                ? $"It was sealed {SealingScopes.Format(scope)}; set the matching scope annotation or re-seal it {SealingScopes.Format(sealedSecret.Scope)}."
                : "Re-seal it with this environment's certificate, for this namespace and name.";
            problems.Add(new SealedSecretProblem(file, line, key, $"The sealed value of '{key}' does not unseal: {failure}.", hint));
        }

        return (sealedSecret.EncryptedData.Count, unsealed);
    }

    private static void CheckDuplicates(List<SealedSecretManifest> sealedSecrets, List<SealedSecretProblem> problems)
    {
        foreach (var group in sealedSecrets.GroupBy(sealedSecret => (sealedSecret.Namespace, sealedSecret.Name)).Where(group => group.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                problems.Add(new SealedSecretProblem(
                    duplicate.Source!,
                    duplicate.Line,
                    null,
                    $"A second SealedSecret '{Display(first.Namespace, first.Name)}' (the first is in {first.Source}:{first.Line}); the two fight over one Secret.",
                    "Keep one of them."));
            }
        }
    }

    private static void CheckPlainSecrets(List<SealedSecretManifest> sealedSecrets, List<ManifestDocument> plainSecrets, List<SealedSecretProblem> problems)
    {
        foreach (var secret in plainSecrets)
        {
            var match = sealedSecrets.FirstOrDefault(sealedSecret => sealedSecret.Name == secret.Name && sealedSecret.Namespace == secret.Namespace);
            if (match is not null)
            {
                problems.Add(new SealedSecretProblem(
                    secret.Source,
                    secret.Line,
                    null,
                    $"A plain Secret '{Display(secret.Namespace, secret.Name)}' sits beside the SealedSecret of the same name ({match.Source}:{match.Line}): its values are in git in clear, and it fights the controller over the Secret.",
                    "Delete the plain Secret and rotate its values: they stay readable in the git history."));
            }
        }
    }

    private static string Display(string? @namespace, string? name) => string.IsNullOrEmpty(@namespace) ? name ?? string.Empty : $"{@namespace}/{name}";
}

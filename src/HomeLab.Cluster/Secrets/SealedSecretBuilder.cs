using k8s.Models;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// Turns a plain Secret into a SealedSecret, re-using the ciphertext of an existing SealedSecret wherever a value did not
/// change, so re-sealing a file changes only the lines whose values changed.
/// </summary>
/// <remarks>
/// A value is proved unchanged by unsealing the existing ciphertext with the private key, when one is given. Without
/// one, an existing key keeps its ciphertext (<see cref="SealedKeyOutcome.KeptUnverified"/>) unless re-sealing is forced.
/// Existing ciphertexts are never kept when the scope, namespace or name changes, since they are bound to the old ones.
/// </remarks>
public sealed class SealedSecretBuilder
{
    private static readonly string[] LastAppliedAnnotations =
    [
        "kubectl.kubernetes.io/last-applied-configuration",
        "kubecfg.ksonnet.io/last-applied-configuration",
    ];

    private readonly SecretSealer sealer;
    private readonly SecretUnsealer? unsealer;

    /// <summary>Creates a builder.</summary>
    /// <param name="sealer">Seals values to the controller's certificate.</param>
    /// <param name="unsealer">
    /// Unseals existing values to compare them; it must hold the private key of the sealer's certificate. Null when the
    /// private key is not at hand (the usual case outside k3d).
    /// </param>
    public SealedSecretBuilder(SecretSealer sealer, SecretUnsealer? unsealer = null)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        this.sealer = sealer;
        this.unsealer = unsealer;
    }

    /// <summary>Seals a Secret.</summary>
    /// <param name="secret">
    /// The plain Secret: name, namespace, scope annotations, labels, type, immutability, <c>data</c> and <c>stringData</c>
    /// (which wins for a key in both, as with the API server). Unset labels, annotations and type are taken from
    /// <paramref name="existing"/>.
    /// </param>
    /// <param name="existing">The SealedSecret this one replaces, or null.</param>
    /// <param name="force">Re-seal every given key even when it is, or may be, unchanged.</param>
    /// <param name="prune">Remove existing keys that <paramref name="secret"/> does not give.</param>
    /// <returns>The SealedSecret and what happened to each key.</returns>
    /// <exception cref="SecretSealingException">A name, namespace or key is missing or invalid, or existing keys cannot be carried over.</exception>
    public SealedSecretBuild Build(V1Secret secret, SealedSecretManifest? existing = null, bool force = false, bool prune = false)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var name = secret.Metadata?.Name;
        var @namespace = secret.Metadata?.NamespaceProperty;
        var annotations = Strip(secret.Metadata?.Annotations);
        var scope = SealingScopes.FromAnnotations(annotations);
        var target = new SealingTarget(@namespace, name, scope);
        KubernetesNames.EnsureName(name);
        if (scope != SealingScope.ClusterWide && string.IsNullOrEmpty(@namespace))
        {
            throw new SecretSealingException(
                $"The Secret '{name}' has no namespace, and its {SealingScopes.Format(scope)} scope binds it to one.",
                "Set metadata.namespace (or the Namespace option), or seal it cluster-wide.");
        }

        if (!string.IsNullOrEmpty(@namespace))
        {
            KubernetesNames.EnsureNamespace(@namespace);
        }

        target.EnsureComplete();

        var values = Values(secret);
        var sameTarget = existing is not null && existing.Target.LabelText == target.LabelText && existing.Scope == scope
            && existing.Name == name && existing.Namespace == @namespace;
        var encrypted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var reports = new List<SealedKeyReport>();

        foreach (var (key, value) in values)
        {
            var (ciphertext, report) = SealGiven(key, value, existing, sameTarget, target, force);
            encrypted[key] = ciphertext;
            reports.Add(report);
        }

        var missing = new List<string>();
        foreach (var (key, old) in existing?.EncryptedData ?? new Dictionary<string, string>())
        {
            if (values.ContainsKey(key))
            {
                continue;
            }

            if (prune)
            {
                reports.Add(new SealedKeyReport(key, SealedKeyOutcome.Removed));
            }
            else if (sameTarget)
            {
                encrypted[key] = old;
                reports.Add(new SealedKeyReport(key, SealedKeyOutcome.Untouched));
            }
            else if (TryUnsealExisting(old, existing!.Target) is { } plaintext)
            {
                encrypted[key] = sealer.SealToBase64(plaintext, target);
                reports.Add(new SealedKeyReport(key, SealedKeyOutcome.Resealed, $"moved from {existing.Target} to {target}"));
            }
            else
            {
                missing.Add(key);
            }
        }

        if (missing.Count > 0)
        {
            throw new SecretSealingException(
                $"The SealedSecret moves from {existing!.Target} to {target}, which invalidates every sealed value, " +
                $"but no value is given for {string.Join(", ", missing)}.",
                "Give every key again, pass the private key so the old values can be unsealed and re-sealed, or prune the missing keys.",
                existing.Source,
                existing.Line == 0 ? null : existing.Line);
        }

        if (encrypted.Count == 0 && existing is null)
        {
            throw new SecretSealingException(
                $"The Secret '{name}' has no data to seal.",
                "Give values as literals (key=value), files (key=path) or a Secret manifest with data or stringData.");
        }

        reports.Sort((left, right) => StringComparer.Ordinal.Compare(left.Key, right.Key));
        var manifest = Compose(secret, existing, target, annotations, encrypted);
        return new SealedSecretBuild(manifest, reports, Warn(reports));
    }

    private (string Ciphertext, SealedKeyReport Report) SealGiven(
        string key,
        byte[] value,
        SealedSecretManifest? existing,
        bool sameTarget,
        SealingTarget target,
        bool force)
    {
        if (existing is null || !existing.EncryptedData.TryGetValue(key, out var old))
        {
            return (sealer.SealToBase64(value, target), new SealedKeyReport(key, SealedKeyOutcome.Added));
        }

        if (force)
        {
            return (sealer.SealToBase64(value, target), new SealedKeyReport(key, SealedKeyOutcome.Resealed, "forced"));
        }

        if (!sameTarget)
        {
            return (sealer.SealToBase64(value, target), new SealedKeyReport(key, SealedKeyOutcome.Resealed, $"moved from {existing.Target} to {target}"));
        }

        if (!SealedValue.TryParseBase64(old, out var parsed, out var malformed))
        {
            return (sealer.SealToBase64(value, target), new SealedKeyReport(key, SealedKeyOutcome.Resealed, $"the old value was malformed: {malformed}"));
        }

        if (parsed.EncryptedSessionKey.Length != sealer.Certificate.RsaCiphertextLength)
        {
            return (sealer.SealToBase64(value, target), new SealedKeyReport(key, SealedKeyOutcome.Resealed, "the old value was sealed to a key of another size"));
        }

        if (unsealer is null)
        {
            return (old, new SealedKeyReport(key, SealedKeyOutcome.KeptUnverified));
        }

        if (!unsealer.TryUnseal(Convert.FromBase64String(old), target, out var previous, out var failure))
        {
            return (sealer.SealToBase64(value, target), new SealedKeyReport(key, SealedKeyOutcome.Resealed, $"the old value does not unseal: {failure}"));
        }

        return previous.AsSpan().SequenceEqual(value)
            ? (old, new SealedKeyReport(key, SealedKeyOutcome.Unchanged))
            : (sealer.SealToBase64(value, target), new SealedKeyReport(key, SealedKeyOutcome.Updated));
    }

    private byte[]? TryUnsealExisting(string old, SealingTarget oldTarget)
    {
        if (unsealer is null || !SealedValue.TryParseBase64(old, out _, out _))
        {
            return null;
        }

        return unsealer.TryUnseal(Convert.FromBase64String(old), oldTarget, out var plaintext, out _) ? plaintext : null;
    }

    private static SortedDictionary<string, byte[]> Values(V1Secret secret)
    {
        var values = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in secret.Data ?? new Dictionary<string, byte[]>())
        {
            values[KubernetesNames.EnsureKey(key)] = value ?? [];
        }

        foreach (var (key, value) in secret.StringData ?? new Dictionary<string, string>())
        {
            values[KubernetesNames.EnsureKey(key)] = System.Text.Encoding.UTF8.GetBytes(value ?? string.Empty);
        }

        return values;
    }

    private static SealedSecretManifest Compose(
        V1Secret secret,
        SealedSecretManifest? existing,
        SealingTarget target,
        SortedDictionary<string, string> annotations,
        SortedDictionary<string, string> encrypted)
    {
        // Labels and annotations the Secret does not set are carried over from the existing template.
        var labels = secret.Metadata?.Labels is { Count: > 0 } given ? Sorted(given) : Sorted(existing?.Template.Labels);
        var ownAnnotations = SealingScopes.WithScope(annotations, SealingScope.Strict);
        var templateAnnotations = ownAnnotations.Count > 0 ? ownAnnotations : Sorted(existing?.Template.Annotations);
        var previous = existing?.Template ?? new SealedSecretTemplate();
        return new SealedSecretManifest
        {
            Name = target.Name!,
            Namespace = secret.Metadata?.NamespaceProperty,
            Labels = Sorted(existing?.Labels),
            Annotations = SealingScopes.WithScope(existing?.Annotations, target.Scope),
            EncryptedData = encrypted,
            Template = new SealedSecretTemplate
            {
                Name = target.Name,
                Namespace = secret.Metadata?.NamespaceProperty,
                Labels = labels,
                Annotations = SealingScopes.WithScope(templateAnnotations, target.Scope),
                Type = secret.Type ?? previous.Type ?? "Opaque",
                Immutable = secret.Immutable ?? previous.Immutable,
                Data = previous.Data,
            },
            Source = existing?.Source,
        };
    }

    private static SortedDictionary<string, string> Sorted(IEnumerable<KeyValuePair<string, string>>? pairs) =>
        new((pairs ?? []).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    private static SortedDictionary<string, string> Strip(IDictionary<string, string>? annotations)
    {
        // Copies of the whole Secret that kubectl and kubecfg keep in annotations would leak every value in clear.
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in annotations ?? new Dictionary<string, string>())
        {
            if (!LastAppliedAnnotations.Contains(key))
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static List<string> Warn(List<SealedKeyReport> reports)
    {
        var unverified = reports.Where(report => report.Outcome == SealedKeyOutcome.KeptUnverified).Select(report => report.Key).ToList();
        return unverified.Count == 0
            ? []
            : [
                $"{unverified.Count} key(s) kept their existing sealed values without proof that they are unchanged ({string.Join(", ", unverified)}): " +
                "give the private key to compare them, or force to re-seal them.",
            ];
    }
}

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// The Secret that installs a key pair as the controller's active sealing key: type <c>kubernetes.io/tls</c>, labelled
/// <c>sealedsecrets.bitnami.com/sealed-secrets-key: active</c>, with <c>tls.crt</c> and a PKCS#1 <c>tls.key</c>, as the
/// controller writes its own. Applied before the controller starts, it keeps the controller from making a random key.
/// </summary>
public static class SealingKeySecretManifest
{
    /// <summary>The default name of the k3d CI key Secret.</summary>
    public const string DefaultName = "sealed-secrets-key-homelab-ci";

    /// <summary>Writes the Secret as YAML with sorted keys. It holds a private key: apply it, never commit it.</summary>
    /// <param name="certificate">The certificate (tls.crt).</param>
    /// <param name="privateKey">Its private key (tls.key).</param>
    /// <param name="namespace">The controller's namespace.</param>
    /// <param name="name">The Secret's name.</param>
    /// <returns>The YAML text.</returns>
    /// <exception cref="SecretSealingException">The private key does not belong to the certificate.</exception>
    public static string ToYaml(
        SealingCertificate certificate,
        SealingPrivateKey privateKey,
        string @namespace = SealedSecretsWellKnown.DefaultControllerNamespace,
        string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(privateKey);
        privateKey.EnsureBelongsTo(certificate);

        return ManifestYamlWriter.Write(new Dictionary<string, object?>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new Dictionary<string, object?>
            {
                ["name"] = name,
                ["namespace"] = @namespace,
                ["labels"] = new Dictionary<string, string> { [SealedSecretsWellKnown.KeyLabel] = SealedSecretsWellKnown.ActiveKeyLabelValue },
            },
            ["type"] = SealedSecretsWellKnown.KeySecretType,
            ["data"] = new Dictionary<string, string>
            {
                ["tls.crt"] = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(certificate.Pem)),
                ["tls.key"] = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(privateKey.ExportPem())),
            },
        });
    }
}

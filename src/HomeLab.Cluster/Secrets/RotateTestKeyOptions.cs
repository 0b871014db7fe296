namespace HomeLab.Cluster.Secrets;

/// <summary>Where to write a new CI test key pair: the options of the <c>RotateTestKey</c> target.</summary>
public sealed record RotateTestKeyOptions
{
    /// <summary>The PEM certificate to write (public; commit it, values for k3d are sealed to it).</summary>
    public required string CertificatePath { get; init; }

    /// <summary>The PEM private key to write (PKCS#1; a test key, committed so CI can install it in k3d).</summary>
    public required string PrivateKeyPath { get; init; }

    /// <summary>Also write the controller key Secret manifest here; null writes none.</summary>
    public string? ControllerSecretPath { get; init; }

    /// <summary>The key size in bits; the controller's own keys have 4096.</summary>
    public int KeySizeBits { get; init; } = SealedSecretsWellKnown.ControllerKeySizeBits;

    /// <summary>The certificate's common name.</summary>
    public string CommonName { get; init; } = "sealed-secret";

    /// <summary>How long the certificate is valid from now.</summary>
    public TimeSpan Validity { get; init; } = TimeSpan.FromDays(3650);

    /// <summary>The namespace of the controller key Secret.</summary>
    public string ControllerNamespace { get; init; } = SealedSecretsWellKnown.DefaultControllerNamespace;

    /// <summary>
    /// SealedSecret files sealed to the current key pair (the files at <see cref="CertificatePath"/> and
    /// <see cref="PrivateKeyPath"/>): they are unsealed with the old key and re-sealed to the new one, so k3d keeps
    /// working. Nothing is written unless every value of every file unseals.
    /// </summary>
    public IReadOnlyList<string> ResealFiles { get; init; } = [];

    /// <summary>The name of the controller key Secret.</summary>
    public string ControllerSecretName { get; init; } = SealingKeySecretManifest.DefaultName;
}

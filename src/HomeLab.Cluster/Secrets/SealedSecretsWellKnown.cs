namespace HomeLab.Cluster.Secrets;

/// <summary>Names and defaults fixed by the Sealed Secrets controller and kubeseal.</summary>
public static class SealedSecretsWellKnown
{
    /// <summary>The API version of the SealedSecret custom resource.</summary>
    public const string ApiVersion = "bitnami.com/v1alpha1";

    /// <summary>The kind of the SealedSecret custom resource.</summary>
    public const string Kind = "SealedSecret";

    /// <summary>Annotation that makes a sealed secret namespace-wide when its value is exactly <c>"true"</c>.</summary>
    public const string NamespaceWideAnnotation = "sealedsecrets.bitnami.com/namespace-wide";

    /// <summary>Annotation that makes a sealed secret cluster-wide when its value is exactly <c>"true"</c>.</summary>
    public const string ClusterWideAnnotation = "sealedsecrets.bitnami.com/cluster-wide";

    /// <summary>Label the controller looks for on the Secrets holding its key pairs.</summary>
    public const string KeyLabel = "sealedsecrets.bitnami.com/sealed-secrets-key";

    /// <summary>Value of <see cref="KeyLabel"/> on a key the controller uses.</summary>
    public const string ActiveKeyLabelValue = "active";

    /// <summary>Type of the Secret holding a controller key pair.</summary>
    public const string KeySecretType = "kubernetes.io/tls";

    /// <summary>Namespace kubeseal looks in for the controller by default.</summary>
    public const string DefaultControllerNamespace = "kube-system";

    /// <summary>Service name kubeseal looks for by default.</summary>
    public const string DefaultControllerName = "sealed-secrets-controller";

    /// <summary>Path, on the controller's HTTP port, that serves the current sealing certificate.</summary>
    public const string CertificatePath = "v1/cert.pem";

    /// <summary>Key size the controller generates, in bits.</summary>
    public const int ControllerKeySizeBits = 4096;
}

namespace HomeLab.Cluster.Secrets;

/// <summary>Where the controller is and where to write its certificate: the options of the <c>FetchSealingCert</c> target.</summary>
public sealed record FetchSealingCertOptions
{
    /// <summary>The controller's namespace (kubeseal's <c>--controller-namespace</c>).</summary>
    public string ControllerNamespace { get; init; } = SealedSecretsWellKnown.DefaultControllerNamespace;

    /// <summary>The controller's service name (kubeseal's <c>--controller-name</c>).</summary>
    public string ControllerName { get; init; } = SealedSecretsWellKnown.DefaultControllerName;

    /// <summary>The service port name; null reads it from the service's first port, as kubeseal does.</summary>
    public string? PortName { get; init; }

    /// <summary>The PEM file to write; null writes nothing.</summary>
    public string? OutputPath { get; init; }
}

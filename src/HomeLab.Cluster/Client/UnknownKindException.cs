namespace HomeLab.Cluster.Client;

/// <summary>The cluster serves no resource for an apiVersion and kind (a typo, or a CRD that is not installed).</summary>
public sealed class UnknownKindException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownKindException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public UnknownKindException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnknownKindException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an apiVersion and kind the cluster does not serve.</summary>
    /// <param name="apiVersion">The apiVersion asked for.</param>
    /// <param name="kind">The kind asked for.</param>
    /// <param name="servedKinds">The kinds the cluster serves in that apiVersion (empty when it serves none).</param>
    public UnknownKindException(string apiVersion, string kind, IReadOnlyCollection<string> servedKinds)
        : base(BuildMessage(apiVersion, kind, servedKinds))
    {
        ApiVersion = apiVersion;
        Kind = kind;
    }

    /// <summary>The apiVersion asked for.</summary>
    public string? ApiVersion { get; }

    /// <summary>The kind asked for.</summary>
    public string? Kind { get; }

    private static string BuildMessage(string apiVersion, string kind, IReadOnlyCollection<string> servedKinds) =>
        servedKinds.Count == 0
            ? $"the cluster serves no API {apiVersion} (looking for kind {kind}); hint: is the CRD or the component that serves it installed? (kubectl api-versions)"
            : $"the cluster serves no kind {kind} in {apiVersion}; it serves {string.Join(", ", servedKinds.Order(StringComparer.Ordinal))}; hint: check the spelling and case of the kind";
}

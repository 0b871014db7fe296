namespace HomeLab.Cluster.Client;

/// <summary>
/// The API server refused a request: the HTTP status, the Kubernetes <c>Status.reason</c> (<c>AlreadyExists</c>,
/// <c>NotFound</c>, <c>Invalid</c>, <c>Forbidden</c>) and its message, with the request that caused it.
/// </summary>
public sealed class ClusterApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterApiException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ClusterApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ClusterApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path and query.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="reason">The Kubernetes status reason, if the server sent one.</param>
    /// <param name="serverMessage">The server's message, if any.</param>
    public ClusterApiException(string method, string path, int statusCode, string? reason, string? serverMessage)
        : base($"{method} {path} failed: {statusCode}{(reason is null ? string.Empty : " " + reason)}: {serverMessage ?? "(no message)"}")
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        Reason = reason;
        ServerMessage = serverMessage;
    }

    /// <summary>The HTTP method of the refused request.</summary>
    public string? Method { get; }

    /// <summary>The path and query of the refused request.</summary>
    public string? Path { get; }

    /// <summary>The HTTP status (409 conflict, 404 not found, 422 invalid, ...).</summary>
    public int StatusCode { get; }

    /// <summary>The Kubernetes status reason, e.g. <c>AlreadyExists</c>.</summary>
    public string? Reason { get; }

    /// <summary>The server's own message.</summary>
    public string? ServerMessage { get; }
}

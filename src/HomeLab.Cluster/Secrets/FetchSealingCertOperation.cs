using System.Net;
using System.Text;
using k8s;
using k8s.Autorest;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// Gets the controller's public certificate the way <c>kubeseal --fetch-cert</c> does: through the API server's service
/// proxy, <c>/api/v1/namespaces/{ns}/services/http:{name}:{port}/proxy/v1/cert.pem</c>, so no port-forward is needed.
/// </summary>
public sealed class FetchSealingCertOperation
{
    private const int MaximumCertificateBytes = 64 * 1024;

    private readonly IKubernetes kubernetes;
    private readonly TimeProvider time;

    /// <summary>Creates the operation.</summary>
    /// <param name="kubernetes">A client for the cluster's API server.</param>
    /// <param name="time">The clock for certificate validity; the system clock when null.</param>
    public FetchSealingCertOperation(IKubernetes kubernetes, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        this.kubernetes = kubernetes;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>The API server path of the certificate for a controller service and port.</summary>
    /// <param name="namespace">The controller's namespace.</param>
    /// <param name="name">The controller's service name.</param>
    /// <param name="port">The service port name.</param>
    /// <returns>The path, starting with <c>/api/v1/</c>.</returns>
    public static string ProxyPath(string @namespace, string name, string port) =>
        $"/api/v1/namespaces/{@namespace}/services/{ServiceProxyName(name, port)}/proxy/{SealedSecretsWellKnown.CertificatePath}";

    /// <summary>Fetches the certificate and writes it when an output path is set.</summary>
    /// <param name="options">Where the controller is and where to write.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The certificate's details and whether the file changed.</returns>
    /// <exception cref="SecretSealingException">The API server is unreachable, the controller is missing or not ready, or the answer is not an RSA certificate.</exception>
    public async Task<FetchSealingCertResult> RunAsync(FetchSealingCertOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ns = options.ControllerNamespace;
        var name = options.ControllerName;
        var port = options.PortName ?? await FirstPortNameAsync(ns, name, cancellationToken).ConfigureAwait(false);
        var path = ProxyPath(ns, name, port);

        string pem;
        try
        {
            var stream = await kubernetes.CoreV1
                .ConnectGetNamespacedServiceProxyWithPathAsync(ServiceProxyName(name, port), ns, SealedSecretsWellKnown.CertificatePath, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                pem = await ReadLimitedAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpOperationException ex)
        {
            throw Failed(ex, $"certificate {path}", ns, name);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ex);
        }

        using var certificate = SealingCertificate.FromPem(pem, path, time);
        var changed = options.OutputPath is not null
            && await TextFiles.WriteIfChangedAsync(options.OutputPath, certificate.Pem, cancellationToken).ConfigureAwait(false);
        return new FetchSealingCertResult(
            certificate.Pem,
            certificate.Fingerprint,
            certificate.KeySizeBits,
            certificate.NotAfter,
            path,
            options.OutputPath,
            changed,
            certificate.Warnings);
    }

    private static string ServiceProxyName(string name, string port) => $"http:{name}:{port}";

    private async Task<string> FirstPortNameAsync(string ns, string name, CancellationToken cancellationToken)
    {
        k8s.Models.V1Service service;
        try
        {
            service = await kubernetes.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException ex)
        {
            throw Failed(ex, $"service {ns}/{name}", ns, name);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ex);
        }

        var port = service.Spec?.Ports?.FirstOrDefault();
        if (port is null)
        {
            throw new SecretSealingException(
                $"The service {ns}/{name} has no ports, so its certificate cannot be reached.",
                "Check the Sealed Secrets controller's service, or set the port name.");
        }

        // An unnamed single port is addressed by its number.
        return string.IsNullOrEmpty(port.Name) ? port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : port.Name;
    }

    private static async Task<string> ReadLimitedAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaximumCertificateBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        if (total > MaximumCertificateBytes)
        {
            throw new SecretSealingException(
                $"The controller answered with more than {MaximumCertificateBytes / 1024} KiB, which is no certificate.",
                "Check that the service is the Sealed Secrets controller.");
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    private SecretSealingException Unreachable(HttpRequestException ex) =>
        new(
            $"Cannot reach the API server at {kubernetes.BaseUri}: {ex.Message}",
            "Is the cluster running? Check KUBECONFIG and the current context (kubectl cluster-info).",
            innerException: ex);

    private static SecretSealingException Failed(HttpOperationException ex, string what, string ns, string name)
    {
        var status = ex.Response?.StatusCode;
        var (message, hint) = status switch
        {
            HttpStatusCode.NotFound => (
                $"Not found: {what}.",
                $"Is the Sealed Secrets controller installed as service '{name}' in namespace '{ns}'? Set the controller name and namespace to match."),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => (
                $"The API server refused access to {what} ({(int)status}).",
                "Use a context allowed to get services and services/proxy in the controller's namespace."),
            HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => (
                $"The controller did not answer through the API server's proxy ({(int)status}) for {what}.",
                "Wait for the sealed-secrets controller pod to be ready (kubectl -n " + ns + " get pods), then try again."),
            _ => (
                $"Fetching {what} failed: {(status is null ? ex.Message : $"HTTP {(int)status} {ex.Response!.ReasonPhrase}")}.",
                "Check the controller's logs and the API server's answer."),
        };
        return new SecretSealingException(message, hint, innerException: ex);
    }
}

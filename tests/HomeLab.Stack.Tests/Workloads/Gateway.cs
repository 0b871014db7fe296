using System.Net.Sockets;

namespace HomeLab.Stack.Tests.Workloads;

/// <summary>
/// HTTPS to <c>&lt;app&gt;.homelab.localhost</c> through the k3d load balancer's 8443 (the Istio ingress gateway):
/// every hostname connects to 127.0.0.1 (or <c>HOMELAB_GATEWAY_ADDRESS</c>), with SNI and Host set to the app's name.
/// The certificate is the cluster's self-signed one, so it is accepted when it names the host.
/// </summary>
public static class Gateway
{
    /// <summary>An HttpClient that reaches the gateway for any homelab hostname.</summary>
    /// <returns>The client; dispose it.</returns>
    public static HttpClient CreateClient()
    {
        var address = Environment.GetEnvironmentVariable("HOMELAB_GATEWAY_ADDRESS") is { Length: > 0 } a ? a : "127.0.0.1";
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(address, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions =
            {
                // cert-manager's self-signed issuer on k3d: accept a certificate whose names match (no chain to a public root).
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    certificate is not null && (errors & System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch) == 0,
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>The URL of an app's UI on k3d.</summary>
    /// <param name="app">The app.</param>
    /// <param name="path">The path.</param>
    /// <returns>The URL.</returns>
    public static Uri Url(string app, string path = "/") => new($"https://{app}.homelab.localhost:8443{path}");
}

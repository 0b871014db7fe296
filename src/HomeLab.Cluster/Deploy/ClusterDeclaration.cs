using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Cluster.Deploy;

/// <summary>
/// The cluster an environment deploys to, as its <c>environment.yaml</c> declares it under <c>cluster:</c> — the
/// kubeconfig context, the API server address and, once known, the CA certificate's SHA-256 fingerprint.
/// </summary>
/// <example>
/// <code>
/// cluster:
///   context: homelab
///   server: https://192.168.1.10:6443
///   caFingerprint: 3F:1A:…   # optional until the first connection prints it
/// </code>
/// </example>
/// <param name="Environment">The environment's name (<c>k3s</c>).</param>
/// <param name="Context">The kubeconfig context that must be in use.</param>
/// <param name="Server">The API server address the context must point at.</param>
/// <param name="CaFingerprint">The CA fingerprint the server must present, or null when not declared yet.</param>
/// <param name="Span">Where the declaration is, for messages.</param>
public sealed record ClusterDeclaration(string Environment, string Context, Uri Server, string? CaFingerprint, SourceSpan Span)
{
    /// <summary>Reads the <c>cluster:</c> section of an environment.</summary>
    /// <param name="environment">The environment.</param>
    /// <returns>The declaration.</returns>
    /// <exception cref="DeployRefusedException">The section or one of its required fields is missing or malformed.</exception>
    public static ClusterDeclaration Read(EnvironmentDefinition environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var at = environment.Root.Span.IsKnown ? environment.Root.Span : SourceSpan.At(environment.File, 1, 1);
        if (environment.Root.GetMap("cluster") is not { } cluster)
        {
            throw new DeployRefusedException($"{at.File}:{at.Line}: {environment.Name} declares no cluster; hint: add cluster: {{ context: <kubeconfig context>, server: https://<address>:6443 }} so DeployProd knows which cluster is the target");
        }

        var context = Required(cluster, "context", environment, "the context name of the k3s kubeconfig after `kubectl config rename-context default <name>`");
        var server = Required(cluster, "server", environment, "the server: line of the k3s kubeconfig, with the server node's LAN address, e.g. https://192.168.1.10:6443");
        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http"))
        {
            var span = cluster["server"]!.Span;
            throw new DeployRefusedException($"{span.File}:{span.Line}: cluster.server '{server}' is not an http(s) address; hint: write it as the kubeconfig's server: line shows it, e.g. https://192.168.1.10:6443");
        }

        var fingerprint = cluster.GetString("caFingerprint");
        if (!string.IsNullOrWhiteSpace(fingerprint))
        {
            var span = cluster["caFingerprint"]!.Span;
            if (IsPlaceholder(fingerprint))
            {
                throw new DeployRefusedException($"{span.File}:{span.Line}: cluster.caFingerprint is a placeholder ('{fingerprint}'); hint: fill it with the fingerprint `./build.sh DeployProd --dry-run` prints, or remove the line until then");
            }

            if (NormalizeFingerprint(fingerprint).Length != 64)
            {
                throw new DeployRefusedException($"{span.File}:{span.Line}: cluster.caFingerprint '{fingerprint}' is not a SHA-256 fingerprint (64 hex digits); hint: copy the one `./build.sh DeployProd --dry-run` prints");
            }
        }

        return new ClusterDeclaration(environment.Name, context, address, string.IsNullOrWhiteSpace(fingerprint) ? null : fingerprint, cluster.Span.IsKnown ? cluster.Span : at);
    }

    /// <summary>Makes fingerprints comparable whatever their spelling: <c>sha256:</c> prefix, colons and case dropped.</summary>
    /// <param name="fingerprint">A fingerprint as openssl or kubectl prints it.</param>
    /// <returns>Upper-case hex digits only.</returns>
    public static string NormalizeFingerprint(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var text = fingerprint.Trim();
        if (text.StartsWith("sha256", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..].TrimStart(':', '=', ' ');
        }

        return new string([.. text.Where(Uri.IsHexDigit).Select(char.ToUpperInvariant)]);
    }

    /// <summary>
    /// Whether a value is one a person was meant to replace: <c>&lt;address&gt;</c>, <c>…</c> or <c>...</c>, TODO,
    /// CHANGEME, FIXME, REPLACE-ME or <c>x.x.x.x</c>.
    /// </summary>
    /// <param name="value">The value as written.</param>
    /// <returns>True for a placeholder.</returns>
    public static bool IsPlaceholder(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string[] markers = ["<", ">", "…", "...", "TODO", "CHANGEME", "CHANGE-ME", "CHANGE_ME", "FIXME", "REPLACE", "X.X.X.X"];
        return markers.Any(marker => value.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }

    private static string Required(YamlMap cluster, string key, EnvironmentDefinition environment, string what)
    {
        var value = cluster.GetString(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            var span = cluster.Span;
            throw new DeployRefusedException($"{span.File}:{span.Line}: {environment.Name}'s cluster declares no {key}; hint: copy it from `kubectl config view --minify` on the machine that reaches the cluster");
        }

        if (IsPlaceholder(value))
        {
            var span = cluster[key]!.Span;
            throw new DeployRefusedException($"{span.File}:{span.Line}: cluster.{key} is a placeholder ('{value}'); hint: fill it with {what}");
        }

        return value;
    }
}

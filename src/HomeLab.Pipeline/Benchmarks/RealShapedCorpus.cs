using System.Globalization;
using System.Text;

namespace HomeLab.Pipeline.Benchmarks;

/// <summary>
/// A generated corpus shaped like real repositories rather than like toy objects: large Deployments (many env
/// entries, volumes and annotations), CustomResourceDefinitions with deep schemas, Grafana dashboards as JSON inside
/// ConfigMaps (long lines), and small Services. Deterministic: the same size gives the same files.
/// </summary>
internal static class RealShapedCorpus
{
    /// <summary>Writes about <paramref name="megabytes"/> MB of manifests into <paramref name="directory"/>, one kind of file per name.</summary>
    /// <returns>The files written.</returns>
    public static List<string> Write(string directory, int megabytes)
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        var target = megabytes * 1024L * 1024;
        long written = 0;
        for (var i = 0; written < target; i++)
        {
            var (name, text) = (i % 4) switch
            {
                0 => ($"deployment-{i:D5}.yaml", Deployment(i)),
                1 => ($"crd-{i:D5}.yaml", Crd(i)),
                2 => ($"dashboard-{i:D5}.yaml", Dashboard(i)),
                _ => ($"services-{i:D5}.yaml", Services(i)),
            };
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text);
            files.Add(path);
            written += Encoding.UTF8.GetByteCount(text);
        }

        return files;
    }

    static string Deployment(int i)
    {
        var text = new StringBuilder();
        for (var d = 0; d < 4; d++)
        {
            var name = $"big-{i}-{d}";
            text.Append(CultureInfo.InvariantCulture, $"---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\n  namespace: apps-{i % 20}\n  labels:\n    app.kubernetes.io/name: {name}\n    app.kubernetes.io/part-of: corpus\n  annotations:\n");
            for (var a = 0; a < 10; a++)
            {
                text.Append(CultureInfo.InvariantCulture, $"    example.dev/note-{a}: \"{new string((char)('a' + a), 60)}\"\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"spec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: {name}\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: {name}\n    spec:\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 1000\n      volumes:\n");
            for (var v = 0; v < 6; v++)
            {
                text.Append(CultureInfo.InvariantCulture, $"        - name: config-{v}\n          configMap:\n            name: {name}-config-{v}\n");
            }

            text.Append("      containers:\n");
            for (var c = 0; c < 3; c++)
            {
                text.Append(CultureInfo.InvariantCulture, $"        - name: c{c}\n          image: ghcr.io/example/{name}-{c}:1.{i % 10}.{c}\n          args: [\"--port=8080\", \"--log-level=info\", \"--config=/etc/app/config.yaml\"]\n          ports:\n            - name: http\n              containerPort: {8080 + c}\n          env:\n");
                for (var e = 0; e < 25; e++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"            - name: SETTING_{e}\n              value: \"value-{e}-{i}\"\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"          volumeMounts:\n            - {{name: config-{c}, mountPath: /etc/app/{c}, readOnly: true}}\n          resources:\n            requests: {{cpu: 50m, memory: 64Mi}}\n            limits: {{memory: 256Mi}}\n          livenessProbe:\n            httpGet: {{path: /healthz, port: http}}\n          readinessProbe:\n            httpGet: {{path: /ready, port: http}}\n          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n");
            }
        }

        return text.ToString();
    }

    static string Crd(int i)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gadgets{i}.corpus.example.dev\nspec:\n  group: corpus.example.dev\n  scope: Namespaced\n  names: {{kind: Gadget{i}, plural: gadgets{i}}}\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              properties:\n");
        for (var p = 0; p < 120; p++)
        {
            text.Append(CultureInfo.InvariantCulture, $"                field{p}:\n                  description: \"{new string('d', 120)} {p}\"\n                  type: object\n                  properties:\n                    name: {{type: string, maxLength: 63, pattern: '^[a-z0-9-]+$'}}\n                    count: {{type: integer, minimum: 0, maximum: 100}}\n                    mode: {{type: string, enum: [fast, slow, off]}}\n                    tags:\n                      type: array\n                      items: {{type: string}}\n");
        }

        return text.ToString();
    }

    static string Dashboard(int i)
    {
        var json = new StringBuilder("{\"title\":\"Dashboard ").Append(i).Append("\",\"schemaVersion\":39,\"panels\":[");
        for (var p = 0; p < 150; p++)
        {
            json.Append(CultureInfo.InvariantCulture, $"{(p == 0 ? string.Empty : ",")}{{\"id\":{p},\"type\":\"timeseries\",\"title\":\"Panel {p}\",\"gridPos\":{{\"h\":8,\"w\":12,\"x\":{p % 2 * 12},\"y\":{p * 8}}},\"targets\":[{{\"expr\":\"sum(rate(http_requests_total{{job=\\\\\"app-{p}\\\\\"}}[5m])) by (code)\",\"refId\":\"A\"}}]}}");
        }

        json.Append("]}");
        return $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dashboard-{i}\n  namespace: monitoring\n  labels:\n    grafana_dashboard: \"1\"\ndata:\n  dashboard-{i}.json: '{json.ToString().Replace("'", "''", StringComparison.Ordinal)}'\n";
    }

    static string Services(int i)
    {
        var text = new StringBuilder();
        for (var s = 0; s < 40; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-{i}-{s}\n  namespace: apps-{i % 20}\nspec:\n  selector:\n    app.kubernetes.io/name: big-{i}-{s % 4}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n");
        }

        return text.ToString();
    }
}

using System.Globalization;
using System.Text;

namespace HomeLab.Pipeline.Benchmarks;

/// <summary>A generated corpus of Kubernetes objects, shaped like a homelab's: namespaces of workloads, services and config.</summary>
internal static class ManifestCorpus
{
    /// <summary>YAML text of about <paramref name="count"/> objects (a multiple of 5), in one multi-document file.</summary>
    public static string Generate(int count)
    {
        var text = new StringBuilder(count * 700);
        for (var i = 0; i < count / 5; i++)
        {
            var ns = "apps-" + (i % 50).ToString(CultureInfo.InvariantCulture);
            var name = "app-" + i.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {name}
                  namespace: {ns}
                  labels:
                    app.kubernetes.io/name: {name}
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: {name}
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: {name}
                    spec:
                      securityContext:
                        runAsNonRoot: true
                      containers:
                        - name: app
                          image: ghcr.io/example/{name}:1.{i % 10}.0
                          ports:
                            - name: http
                              containerPort: 8080
                          resources:
                            requests: {"{"} cpu: 50m, memory: 64Mi {"}"}
                            limits: {"{"} memory: 128Mi {"}"}
                          livenessProbe:
                            httpGet: {"{"} path: /healthz, port: http {"}"}
                          readinessProbe:
                            httpGet: {"{"} path: /ready, port: http {"}"}
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: {name}
                  namespace: {ns}
                spec:
                  selector:
                    app.kubernetes.io/name: {name}
                  ports:
                    - name: http
                      port: 80
                      targetPort: http
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {name}-config
                  namespace: {ns}
                data:
                  LOG_LEVEL: info
                  FEATURE_X: "true"
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: {name}
                  namespace: {ns}
                spec:
                  minAvailable: 1
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: {name}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: {name}
                  namespace: {ns}
                ---

                """);
        }

        return text.ToString();
    }
}

using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Objects;

namespace HomeLab.Manifests.Tests.Lint;

/// <summary>A small namespace that passes every rule, to break one field at a time.</summary>
internal static class LintTestSet
{
    public const string Namespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: apps
          labels:
            istio-injection: enabled
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: default-deny, namespace: apps }
        spec: { podSelector: {} }
        """;

    public const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: apps
        spec:
          replicas: 2
          selector:
            matchLabels: { app: web }
          template:
            metadata:
              labels: { app: web }
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
                - name: web
                  image: nginx:1.27
                  ports:
                    - { name: http, containerPort: 8080 }
                  resources:
                    requests: { cpu: 100m, memory: 64Mi }
                    limits: { memory: 128Mi }
                  livenessProbe: { httpGet: { path: /, port: http } }
                  readinessProbe: { httpGet: { path: /, port: http } }
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
        """;

    public const string Service = """
        apiVersion: v1
        kind: Service
        metadata: { name: web, namespace: apps }
        spec:
          selector: { app: web }
          ports: [{ port: 80, targetPort: http }]
        """;

    public static string Baseline => Join(Namespace, Deployment, Service);

    public static string Join(params string[] documents) => string.Join("\n---\n", documents) + "\n";

    public static IReadOnlyList<Finding> Lint(string yaml, LintEnvironment? environment = null, LintConfiguration? configuration = null)
    {
        var set = ManifestSet.Parse(yaml, "test.yaml");
        set.Findings.Should().BeEmpty("the test YAML must load cleanly");
        return new Linter(configuration: configuration, environment: environment).Lint(set);
    }

    public static IReadOnlyList<Finding> Lint(string yaml, string ruleId, LintEnvironment? environment = null, LintConfiguration? configuration = null) =>
        [.. Lint(yaml, environment, configuration).Where(f => f.RuleId == ruleId)];
}

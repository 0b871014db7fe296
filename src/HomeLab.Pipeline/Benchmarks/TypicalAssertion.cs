using Newtonsoft.Json.Linq;

namespace HomeLab.Pipeline.Benchmarks;

/// <summary>A typical assertion: a Deployment tree of about 20 fields with projections and an iteration, and an object it matches.</summary>
internal static class TypicalAssertion
{
    internal const string Tree = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: frigate
          namespace: media
          labels:
            app: frigate
            tier: media
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: frigate
          template:
            spec:
              nodeSelector:
                hardware/nvidia: "true"
              containers:
              - name: frigate
                image: ghcr.io/blakeblackshear/frigate:0.14.1
                ports:
                - containerPort: 5000
                resources:
                  limits:
                    memory: 2Gi
              - name: exporter
                (starts_with(image, 'ghcr.io/')): true
        status:
          (readyReplicas >= `1`): true
          availableReplicas: 1
          ~.(conditions):
            status: "True"
        """;

    internal static readonly JObject Actual = JObject.Parse("""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"frigate","namespace":"media","labels":{"app":"frigate","tier":"media"},"uid":"1"},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"frigate"}},
           "template":{"metadata":{"labels":{"app":"frigate"}},"spec":{"nodeSelector":{"hardware/nvidia":"true"},
             "containers":[{"name":"frigate","image":"ghcr.io/blakeblackshear/frigate:0.14.1","ports":[{"containerPort":5000}],"resources":{"limits":{"memory":"2Gi"}}},
                           {"name":"exporter","image":"ghcr.io/exporter:1"}]}}},
         "status":{"readyReplicas":1,"availableReplicas":1,"conditions":[{"type":"Available","status":"True"},{"type":"Progressing","status":"True"}]}}
        """);
}

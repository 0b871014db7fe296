using System.Diagnostics;
using HomeLab.Assertions.Trees;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace HomeLab.Assertions.Tests.Benchmarks;

/// <summary>
/// A quick throughput measurement of tree evaluation (not a unit test: it runs only with HOMELAB_BENCH=1, e.g.
/// <c>HOMELAB_BENCH=1 dotnet test --filter TreeEvaluationBenchmark --logger "console;verbosity=detailed"</c>).
/// </summary>
public class TreeEvaluationBenchmark(ITestOutputHelper output)
{
    private const string Tree = """
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

    private static readonly JObject Actual = JObject.Parse("""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"frigate","namespace":"media","labels":{"app":"frigate","tier":"media"},"uid":"1"},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"frigate"}},
           "template":{"metadata":{"labels":{"app":"frigate"}},"spec":{"nodeSelector":{"hardware/nvidia":"true"},
             "containers":[{"name":"frigate","image":"ghcr.io/blakeblackshear/frigate:0.14.1","ports":[{"containerPort":5000}],"resources":{"limits":{"memory":"2Gi"}}},
                           {"name":"exporter","image":"ghcr.io/exporter:1"}]}}},
         "status":{"readyReplicas":1,"availableReplicas":1,"conditions":[{"type":"Available","status":"True"},{"type":"Progressing","status":"True"}]}}
        """);

    [SkippableFact]
    public void Tree_evaluations_per_second_on_one_core()
    {
        Skip.If(Environment.GetEnvironmentVariable("HOMELAB_BENCH") != "1", "a measurement, not a test: set HOMELAB_BENCH=1 to run it");
        var tree = AssertionTree.Parse(Tree);
        tree.Evaluate(Actual).IsMatch.Should().BeTrue();
        for (var i = 0; i < 20_000; i++)
        {
            tree.Matches(Actual);
        }

        const int n = 200_000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            tree.Evaluate(Actual);
        }

        watch.Stop();
        var perSecond = n / watch.Elapsed.TotalSeconds;
        output.WriteLine($"{perSecond:N0} evaluations/s of a 22-field tree (3 expressions, 1 iteration) on one thread");
        perSecond.Should().BeGreaterThan(50_000);
    }
}

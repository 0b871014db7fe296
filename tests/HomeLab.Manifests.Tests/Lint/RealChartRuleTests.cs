using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Lint;

/// <summary>What upstream charts render that the rules once called wrong: well-known node labels, pods an operator or
/// k3s creates, Istio's <c>image: auto</c>, Secrets a remote chart generates, system namespaces.</summary>
public class RealChartRuleTests
{
    private const string Prometheus = """
        apiVersion: monitoring.coreos.com/v1
        kind: Prometheus
        metadata: { name: kps-prometheus, namespace: apps }
        spec:
          replicas: 1
          resources: { limits: { memory: 320Mi } }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: kps-prometheus, namespace: apps }
        spec:
          selector: { app.kubernetes.io/name: prometheus, operator.prometheus.io/name: kps-prometheus }
          ports: [{ port: 9090 }]
        """;

    // A remote chart's objects all point at the Application's chart: line (here line 8 of the Application).
    private const string ChartApplication = """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: { name: grafana, namespace: argocd }
        spec:
          project: default
          source:
            repoURL: https://example.test/charts
            chart: grafana
            targetRevision: 1.0.0
          destination: { server: https://kubernetes.default.svc, namespace: apps }
        """;

    [Fact]
    public void A_node_selector_on_a_well_known_label_matches_every_node()
    {
        var yaml = LintTestSet.Baseline.Replace("      securityContext:\n        runAsNonRoot: true", "      nodeSelector: { kubernetes.io/os: linux }\n      securityContext:\n        runAsNonRoot: true", StringComparison.Ordinal);
        yaml.Should().Contain("kubernetes.io/os");
        var environment = new LintEnvironment("k3d").WithNode("agent-0", ("hardware/usb", "true"));

        LintTestSet.Lint(yaml, LintRuleIds.NodeSelector, environment).Should().BeEmpty();
        LintTestSet.Lint(yaml.Replace("kubernetes.io/os: linux", "kubernetes.io/os: windows", StringComparison.Ordinal), LintRuleIds.NodeSelector, environment)
            .Should().ContainSingle("no node of k3d runs windows");
    }

    [Fact]
    public void A_server_node_carries_the_control_plane_role_label()
    {
        var node = new LintNode("server-0", new Dictionary<string, string>(), ["server"]);
        var agent = new LintNode("agent-0", new Dictionary<string, string>(), ["agent"]);

        node.AllLabels.Should().Contain("node-role.kubernetes.io/control-plane", "true").And.Contain("kubernetes.io/hostname", "server-0");
        agent.AllLabels.Should().NotContainKey("node-role.kubernetes.io/control-plane");
    }

    [Fact]
    public void A_service_that_selects_the_pods_the_prometheus_operator_creates_is_not_dangling()
    {
        var yaml = LintTestSet.Join(LintTestSet.Baseline.TrimEnd(), Prometheus);
        var wrong = yaml.Replace("operator.prometheus.io/name: kps-prometheus }", "operator.prometheus.io/name: other }", StringComparison.Ordinal);

        LintTestSet.Lint(yaml, LintRuleIds.ServiceSelector).Should().BeEmpty();
        LintTestSet.Lint(wrong, LintRuleIds.ServiceSelector).Should().ContainSingle();
    }

    [Fact]
    public void A_service_in_kube_system_that_selects_k3s_coredns_is_not_dangling()
    {
        var yaml = """
            apiVersion: v1
            kind: Service
            metadata: { name: coredns-metrics, namespace: kube-system }
            spec:
              selector: { k8s-app: kube-dns }
              ports: [{ port: 9153 }]
            """;

        LintTestSet.Lint(yaml, LintRuleIds.ServiceSelector).Should().BeEmpty();
        LintTestSet.Lint(yaml.Replace("kube-system", "apps", StringComparison.Ordinal), LintRuleIds.ServiceSelector).Should().ContainSingle();
    }

    [Fact]
    public void Istio_gateway_image_auto_is_not_an_untagged_image_but_auto_elsewhere_is()
    {
        var gateway = LintTestSet.Baseline
            .Replace("image: nginx:1.27", "image: auto", StringComparison.Ordinal)
            .Replace("labels: { app: web }\n", "labels: { app: web }\n      annotations: { inject.istio.io/templates: gateway }\n", StringComparison.Ordinal);
        var plain = LintTestSet.Baseline.Replace("image: nginx:1.27", "image: auto", StringComparison.Ordinal);

        LintTestSet.Lint(gateway, LintRuleIds.ImageTag).Should().BeEmpty();
        LintTestSet.Lint(plain, LintRuleIds.ImageTag).Should().ContainSingle();
    }

    [Fact]
    public void A_secret_a_remote_chart_generates_is_not_called_committed()
    {
        var secret = "apiVersion: v1\nkind: Secret\nmetadata: { name: grafana, namespace: apps }\ndata: { admin-password: cGFzcw== }\n";
        var committed = ManifestSet.Parse(secret, "secret.yaml").Objects[0];
        var application = ManifestSet.Parse(ChartApplication, "application.yaml").Objects[0];
        var generated = FromChart(committed, application);

        Lint([application, generated], LintRuleIds.NoPlainSecret).Should().BeEmpty();
        Lint([application, committed], LintRuleIds.NoPlainSecret).Should().ContainSingle();
    }

    [Fact]
    public void A_silence_covers_one_rule_of_one_applications_chart_and_needs_a_reason()
    {
        var deployment = ManifestSet.Parse(LintTestSet.Deployment.Replace("livenessProbe: { httpGet: { path: /, port: http } }", "env: []", StringComparison.Ordinal), "deployment.yaml").Objects[0];
        var application = ManifestSet.Parse(ChartApplication, "application.yaml").Objects[0];
        var fromChart = FromChart(deployment, application);
        var configuration = LintConfiguration.Parse("silence:\n  - { application: grafana, rule: homelab/probes, reason: the chart has no liveness probe }\n", "lint.yaml");
        var other = LintConfiguration.Parse("silence:\n  - { application: loki, rule: homelab/probes, reason: another chart }\n", "lint.yaml");
        var noReason = LintConfiguration.Parse("silence:\n  - { application: grafana, rule: homelab/probes }\n", "lint.yaml");

        configuration.Findings.Should().BeEmpty();
        Lint([application, fromChart], LintRuleIds.Probes, configuration).Should().BeEmpty();
        Lint([application, fromChart], LintRuleIds.Probes, other).Should().ContainSingle();
        Lint([application, deployment], LintRuleIds.Probes, configuration).Should().ContainSingle("the silence covers the chart's objects, not the repository's own");
        noReason.Findings.Should().ContainSingle().Which.Message.Should().Contain("reason");
    }

    [Fact]
    public void A_declared_system_namespace_is_exempt_from_the_namespace_rules()
    {
        var yaml = LintTestSet.Deployment.Replace("namespace: apps", "namespace: istio-system", StringComparison.Ordinal);
        var configuration = LintConfiguration.Parse("systemNamespaces:\n  istio-system: istiod serves the mesh\n", "lint.yaml");
        var noReason = LintConfiguration.Parse("systemNamespaces:\n  istio-system: \"\"\n", "lint.yaml");

        LintTestSet.Lint(yaml, LintRuleIds.NamespaceIstioInjection).Should().ContainSingle();
        LintTestSet.Lint(yaml, LintRuleIds.NamespaceIstioInjection, configuration: configuration).Should().BeEmpty();
        LintTestSet.Lint(yaml, LintRuleIds.NamespaceNetworkPolicy, configuration: configuration).Should().BeEmpty();
        noReason.Findings.Should().ContainSingle().Which.Message.Should().Contain("no reason");
    }

    [Fact]
    public void A_budget_counts_the_operators_pods_their_config_reloader_and_injected_sidecars()
    {
        var injector = """
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: istio-sidecar-injector, namespace: istio-system }
            data:
              values: '{"global":{"proxy":{"resources":{"limits":{"memory":"256Mi"}}}}}'
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: operator, namespace: apps }
            spec:
              selector: { matchLabels: { app: operator } }
              template:
                metadata: { labels: { app: operator, sidecar.istio.io/inject: "false" } }
                spec:
                  containers:
                    - name: operator
                      image: operator:1.0
                      args: [--config-reloader-memory-limit=24Mi]
                      resources: { limits: { memory: 48Mi } }
            """;
        var yaml = LintTestSet.Join(LintTestSet.Baseline.TrimEnd(), Prometheus, injector);
        // web: 2 × (128Mi + 256Mi sidecar) = 768Mi; operator 48Mi (opted out); Prometheus 320Mi + 24Mi reloader + 256Mi sidecar.
        var budgets = ResourceBudgetFile.Parse("budgets:\n  apps:\n    select: { namespaces: [apps] }\n    limits: { memory: 1Gi }\n", "budgets.yaml");
        var environment = new LintEnvironment("k3d").WithNode("n", ("a", "b")).WithBudgets(budgets.Budgets);

        var finding = LintTestSet.Lint(yaml, LintRuleIds.ResourceBudget, environment).Should().ContainSingle().Subject;

        finding.Message.Should().Contain("sum to 1.38Gi").And.Contain("apps/prometheus-kps-prometheus 600Mi").And.Contain("Istio sidecars 768Mi");
        finding.Hint.Should().Contain("--verbosity verbose");
    }

    [Fact]
    public void A_budget_sum_explains_its_total_line_by_line()
    {
        var yaml = LintTestSet.Join(LintTestSet.Baseline.TrimEnd(), Prometheus, """
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: istio-sidecar-injector, namespace: istio-system }
            data:
              values: '{"global":{"proxy":{"resources":{"limits":{"memory":"256Mi"}}}}}'
            """);
        var budgets = ResourceBudgetFile.Parse("budgets:\n  apps:\n    select: { namespaces: [apps] }\n    limits: { memory: 1Gi }\n", "budgets.yaml");
        var environment = new LintEnvironment("k3d").WithNode("n", ("a", "b")).WithBudgets(budgets.Budgets);

        var sum = new Linter(environment: environment).BudgetSums(ManifestSet.Parse(yaml, "set.yaml").Objects).Should().ContainSingle().Subject;

        // web: 2 × (128Mi + 256Mi sidecar); Prometheus 320Mi + 256Mi sidecar (its reloader takes nothing here: no operator flags).
        sum.Lines.Sum(l => l.Amount).Should().Be(sum.Total);
        sum.Total.Should().Be(1344m * 1024 * 1024);
        sum.Lines.Should().ContainEquivalentOf(new BudgetLine("apps/web", "istio-proxy", BudgetLineKind.Sidecar, 256m * 1024 * 1024, 2));
        sum.Lines.Should().ContainEquivalentOf(new BudgetLine("apps/prometheus-kps-prometheus", "prometheus", BudgetLineKind.OperatorPod, 320m * 1024 * 1024, 1));
        sum.Lines.Should().Contain(l => l.Pods == "apps/prometheus-kps-prometheus" && l.Kind == BudgetLineKind.Sidecar, "an operator's pod gets a sidecar too");
        sum.Lines.Select(l => l.Pods).Should().Equal(["apps/web", "apps/web", "apps/prometheus-kps-prometheus", "apps/prometheus-kps-prometheus"], "lines are grouped by workload, the largest first");
        var text = sum.Describe();
        text[0].Should().Be("budget 'apps' memory limits: 1.31Gi of 1Gi (exceeded), 4 lines from 2 workloads");
        text.Should().Contain(l => l.Contains("apps/web") && l.Contains("istio-proxy (Istio sidecar)") && l.EndsWith("256Mi × 2 = 512Mi", StringComparison.Ordinal));
        text.Should().Contain(l => l.Contains("prometheus (operator pod)") && l.EndsWith("320Mi × 1 = 320Mi", StringComparison.Ordinal));
    }

    private static IReadOnlyList<Finding> Lint(IReadOnlyList<KubeObject> objects, string ruleId, LintConfiguration? configuration = null) =>
        [.. new Linter(configuration: configuration).Lint(objects).Where(f => f.RuleId == ruleId)];

    // What the renderer does with a packaged chart's objects: every node points at the Application's chart: line.
    private static KubeObject FromChart(KubeObject obj, KubeObject application)
    {
        var chart = application.Root.Find("spec.source.chart")!.Span;
        return obj.WithRoot((YamlMap)Point(obj.Root, chart));
    }

    private static YamlNode Point(YamlNode node, SourceSpan span) => node switch
    {
        YamlMap map => new YamlMap(map.Entries.Select(e => new YamlMapEntry(e.Key, span, Point(e.Value, span))), span),
        YamlList list => new YamlList(list.Items.Select(i => Point(i, span)), span),
        YamlScalar scalar => new YamlScalar(scalar.Value, scalar.Style, span),
        _ => node,
    };
}

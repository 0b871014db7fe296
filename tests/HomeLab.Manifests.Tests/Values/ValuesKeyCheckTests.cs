using System.Text.Json.Nodes;
using HomeLab.Manifests.Values;
using HomeLab.Manifests.Yaml;
using Xunit.Abstractions;

namespace HomeLab.Manifests.Tests.Values;

public sealed class ValuesKeyCheckTests(ITestOutputHelper output)
{
    // Read by the chart's templates (which the data-only upstream folders leave out) but not in its values.yaml.
    private static readonly string[] ReadByTemplatesOnly = ["allInOne.podLabels"];

    private static YamlMap Yaml(string text, string file = "values.yaml") => (YamlMap)YamlLoader.Default.LoadString(text, file).Documents[0].Root;

    private static ChartValues Chart(string defaults, string? schema = null, Dictionary<string, ChartValues>? subcharts = null) =>
        new("demo", "1.0.0", Yaml(defaults, "defaults.yaml"), schema is null ? null : JsonNode.Parse(schema), subcharts, defaults);

    [SkippableFact]
    public void No_key_the_homelab_sets_is_flagged_against_its_pinned_chart()
    {
        var findings = new List<string>();
        foreach (var (environment, application, chart, version, files) in UpstreamValues.Rendered())
        {
            var values = UpstreamValues.Chart(chart, version);
            foreach (var file in files)
            {
                findings.AddRange(new ValuesKeyCheck().Check(values, file)
                    .Where(f => !ReadByTemplatesOnly.Contains(f.FieldPath))
                    .Select(f => $"{environment} {application}: {f}"));
            }
        }

        findings.ForEach(output.WriteLine);
        findings.Should().BeEmpty();
    }

    [SkippableFact]
    public void A_planted_unknown_key_in_a_real_values_file_is_flagged_at_its_line_with_the_key_meant()
    {
        var chart = UpstreamValues.Chart("tempo", "1.24.0");
        var file = Path.Combine(UpstreamValues.RepositoryRoot, "manifests", "observability", "tempo", "values.yaml");
        var text = File.ReadAllText(file) + "\nreplicass: 2\n";
        var lines = text.Split('\n').Length - 1;

        var findings = new ValuesKeyCheck().Check(chart, Yaml(text, file));

        var planted = findings.Should().ContainSingle(f => f.FieldPath == "replicass").Subject;
        planted.RuleId.Should().Be(ValuesRuleIds.UnknownKey);
        planted.Span!.Value.File.Should().Be(file);
        planted.Span.Value.Line.Should().Be(lines);
        planted.Hint.Should().Be("did you mean replicas?");
        planted.Message.Should().Contain("tempo 1.24.0");
    }

    [SkippableFact]
    public void Jaeger_reads_allInOne_podLabels_and_not_the_podAnnotations_the_sidecar_opt_out_was_written_in()
    {
        var upstream = UpstreamValues.Chart("jaeger", "3.4.1");
        var chart = new ChartValues(upstream.Name, upstream.Version, upstream.Defaults, upstream.Schema, upstream.Subcharts) { TemplateReads = new HashSet<string> { "allInOne.podLabels" } };
        var values = Yaml("allInOne:\n  podAnnotations:\n    sidecar.istio.io/inject: \"false\"\n  podLabels:\n    sidecar.istio.io/inject: \"false\"\n");

        var findings = new ValuesKeyCheck().Check(chart, values);

        findings.Should().ContainSingle().Which.Span!.Value.Line.Should().Be(2);
        findings[0].FieldPath.Should().Be("allInOne.podAnnotations");
    }

    [SkippableFact]
    public void A_real_argo_cd_bump_from_7_8_2_to_10_1_1_still_reads_every_key_the_homelab_sets()
    {
        var before = UpstreamValues.Chart("argo-cd", "7.8.2");
        var after = UpstreamValues.Chart("argo-cd", "10.1.1");
        var file = Path.Combine(UpstreamValues.RepositoryRoot, "manifests", "platform", "argocd", "values.yaml");
        var values = Yaml(File.ReadAllText(file), file);

        // 10.1.1 comments out notifications.logLevel (still read, defaulted from global): a commented key is no drop.
        new ValuesKeyCheck().CheckBump(before, after, values.With("notifications", YamlMap.Of(("logLevel", "debug")))).Should().BeEmpty();
        new ValuesKeyCheck().CheckBump(before, after, values.With("notifications", YamlMap.Of(("logLevl", "debug"))))
            .Should().ContainSingle().Which.RuleId.Should().Be(ValuesRuleIds.UnknownKey, "a key neither version reads is a typo, not a drop");
    }

    [SkippableFact]
    public void A_real_loki_move_to_the_community_chart_names_the_keys_it_dropped_at_their_lines()
    {
        var before = UpstreamValues.Chart("loki", "6.45.1");
        var after = UpstreamValues.Chart("loki", "18.11.0");
        var file = Path.Combine(UpstreamValues.RepositoryRoot, "manifests", "observability", "loki", "values.yaml");
        var text = File.ReadAllText(file);
        var line = text[..text.IndexOf("selfMonitoring:", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var values = Yaml(text, file);

        var findings = new ValuesKeyCheck().CheckBump(before, after, values);

        foreach (var finding in findings)
        {
            output.WriteLine(finding.ToString());
        }
        var dropped = findings.Should().ContainSingle(f => f.RuleId == ValuesRuleIds.DroppedKey && f.FieldPath == "monitoring.selfMonitoring").Subject;
        dropped.Span!.Value.Line.Should().Be(line);
        dropped.Message.Should().Contain("loki 6.45.1").And.Contain("loki 18.11.0 dropped it");
    }

    [SkippableTheory]
    [InlineData("loki", "6.45.1", "bloomCompactor:\n  replicas: 0\n", "bloomCompactor", 1, null)]
    [InlineData("tempo", "1.24.0", "tempo:\n  podAnnotations:\n    sidecar.istio.io/inject: \"false\"\n", "tempo.podAnnotations", 2, null)]
    public void A_dead_key_beside_one_snake_case_key_of_the_chart_is_flagged(string chart, string version, string text, string key, int line, string? hint)
    {
        // loki's top level has rollout_operator (a subchart's alias) and tempo's tempo map has per_tenant_overrides:
        // one config-like key does not make a level another program's configuration.
        var findings = new ValuesKeyCheck().Check(UpstreamValues.Chart(chart, version), Yaml(text));

        var finding = findings.Should().ContainSingle().Subject;
        finding.FieldPath.Should().Be(key);
        finding.Span!.Value.Line.Should().Be(line);
        if (hint is not null)
        {
            finding.Hint.Should().Be(hint);
        }
    }

    [SkippableFact]
    public void An_Application_helm_parameter_the_chart_does_not_read_is_flagged_at_its_name()
    {
        var chart = UpstreamValues.Chart("tempo", "1.24.0");
        var application = Yaml("""
            helm:
              parameters:
                - { name: replicas, value: "2" }
                - { name: 'tempo.podAnnotations.sidecar\.istio\.io/inject', value: "false" }
                - { name: 'tempo.extraArgs[0]', value: "-log.level=debug" }
                - { name: tempo.reportingEnabled, value: "false" }
            """, "apps/tempo.yaml");

        var values = ValuesKeyCheck.ParameterValues(application.GetMap("helm")!.GetList("parameters")!);
        var findings = new ValuesKeyCheck().Check(chart, values);

        var finding = findings.Should().ContainSingle().Subject;
        finding.FieldPath.Should().Be("tempo.podAnnotations");
        finding.Span!.Value.File.Should().Be("apps/tempo.yaml");
        finding.Span.Value.Line.Should().Be(4);
        values.GetMap("tempo")!.GetMap("podAnnotations")!.Keys.Should().Equal("sidecar.istio.io/inject");
    }

    [Fact]
    public void Keys_under_an_empty_map_a_commented_key_or_a_schema_that_allows_them_are_not_flagged()
    {
        var chart = Chart(
            "podAnnotations: {}\npersistence:\n  enabled: false\n  # storageClassName: standard\nconfig:\n  limits_config:\n    max_x: 1\nstrict:\n  a: 1\n",
            """{"properties":{"strict":{"properties":{"b":{"type":"string"}}},"extra":{"type":"object","additionalProperties":true}}}""");
        var values = Yaml("podAnnotations:\n  anything: x\npersistence:\n  storageClassName: nas\nconfig:\n  limits_config:\n    retention_period: 7d\nstrict:\n  b: y\n  c: z\nextra:\n  free: 1\nglobal:\n  whatever: 1\n");

        var findings = new ValuesKeyCheck().Check(chart, values);

        findings.Should().ContainSingle().Which.FieldPath.Should().Be("strict.c");
    }

    [Fact]
    public void A_subchart_reads_its_keys_under_its_alias_and_its_enabled_condition()
    {
        var sub = new ChartValues("node-feature-discovery", "0.15.3", Yaml("master:\n  replicas: 1\n"));
        var chart = Chart("image: {}\n", subcharts: new() { ["nfd"] = sub });

        var findings = new ValuesKeyCheck().Check(chart, Yaml("nfd:\n  enabled: false\n  master:\n    replicas: 2\n    replica: 3\n"));

        var finding = findings.Should().ContainSingle().Subject;
        finding.FieldPath.Should().Be("nfd.master.replica");
        finding.Hint.Should().Be("did you mean nfd.master.replicas?");
        finding.Message.Should().Contain("node-feature-discovery 0.15.3");
    }

    [Fact]
    public void The_homelab_chart_hands_probes_on_whole_and_reads_no_misspelt_key()
    {
        var chart = ChartValues.Load(Path.Combine(UpstreamValues.RepositoryRoot, "manifests", "charts", "homelab-app"));
        var values = Yaml("probes:\n  liveness:\n    httpGet: { path: /, port: http }\nresources:\n  limits: { memory: 1Gi }\nimagePullPolicy: Always\n", "apps/demo/values.yaml");

        var findings = new ValuesKeyCheck().Check(chart, values);

        chart.PassedWhole.Should().Contain("probes.liveness");
        findings.Should().ContainSingle().Which.Span!.Value.Line.Should().Be(6);
    }
}

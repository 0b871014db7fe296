using HomeLab.Assertions.Chainsaw;
using HomeLab.Assertions.Offline;
using HomeLab.Assertions.Operations;
using HomeLab.Assertions.Reports;
using HomeLab.Assertions.Sources;
using HomeLab.Assertions.Steps;

namespace HomeLab.Assertions.Tests.Chainsaw;

/// <summary>
/// The Chainsaw Test fields this runner runs, each with the example of Chainsaw's docs (facts re-typed): scenarios,
/// operation outputs, step templates (<c>use</c>), test-level catch, and v1alpha2's grouped fields.
/// </summary>
public sealed class TestSpecRunTests : IDisposable
{
    private const string Head = "apiVersion: chainsaw.kyverno.io/v1alpha1\nkind: Test\nmetadata: { name: t }\nspec:\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("chainsaw-spec-").FullName;

    [Fact]
    public async Task Scenarios_run_the_test_once_each_with_the_scenarios_bindings()
    {
        var test = Write("chainsaw-test.yaml", Head + """
              namespace: home
              scenarios:
              - bindings: [{ name: mode, value: home }]
              - bindings: [{ name: mode, value: away }]
              steps:
              - try:
                - assert:
                    resource:
                      apiVersion: v1
                      kind: ConfigMap
                      metadata: { name: presence }
                      data:
                        mode: ($mode)
            """);

        ChainsawTestLoader.LoadFile(test).Select(t => t.Name).Should().Equal("t (scenario 1)", "t (scenario 2)");
        var findings = await OfflineAssertion.CheckAsync([test], [Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: presence, namespace: home }\ndata: { mode: home }\n")]);

        findings.Should().ContainSingle().Which.Message.Should().StartWith("test t (scenario 2):").And.Contain("data.mode");
    }

    [Fact]
    public async Task A_scripts_output_is_bound_for_the_operations_after_it_in_the_same_step_only()
    {
        // Chainsaw's docs: a script's stdout parsed with json_parse into $cm, then asserted without querying the cluster;
        // "outputs do not cross the step boundaries".
        var (cluster, _) = InMemory();
        var test = Load(Head + """
              steps:
              - try:
                - script:
                    content: echo '{"metadata":{"uid":"4b0f"}}'
                    outputs:
                    - name: cm
                      value: (json_parse($stdout))
                - assert:
                    resource:
                      ($cm):
                        metadata:
                          (uid != null): true
              - timeouts: { assert: 1s }
                try:
                - assert:
                    resource:
                      ($cm): {}
            """);

        var report = await cluster.RunAsync(test);

        report.Steps[0].Status.Should().Be(ReportStatus.Passed, ReportWriter.Narrate(report));
        report.Steps[1].Status.Should().Be(ReportStatus.Failed);
        report.Steps[1].Operations.Single().Errors.Should().Contain(e => e.Contains("'$cm' is not defined"));
    }

    [Fact]
    public async Task An_output_with_a_match_binds_only_the_applied_object_it_matches()
    {
        // Chainsaw's docs: apply a file of several resources, bind the ConfigMap among them as $cm with value (@).
        var (cluster, _) = InMemory();
        Write("resources.yaml", "apiVersion: v1\nkind: Secret\nmetadata: { name: token }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: quick-start }\ndata: { foo: bar }\n");
        var test = Load(Head + """
              steps:
              - try:
                - apply:
                    file: resources.yaml
                    outputs:
                    - match: { apiVersion: v1, kind: ConfigMap }
                      name: cm
                      value: (@)
                - assert:
                    resource:
                      ($cm):
                        kind: ConfigMap
                        data: { foo: bar }
            """);

        var report = await cluster.RunAsync(test);

        report.Status.Should().Be(ReportStatus.Passed, ReportWriter.Narrate(report));
    }

    [Fact]
    public async Task A_step_template_runs_with_its_default_bindings_or_the_arguments_given_with_use()
    {
        // Chainsaw's docs: a StepTemplate binds input: from-template and creates the ConfigMap ($input);
        // a test's use.with.bindings override the template's.
        var (cluster, ops) = InMemory();
        Write("step-template.yaml", """
            apiVersion: chainsaw.kyverno.io/v1alpha1
            kind: StepTemplate
            metadata: { name: example }
            spec:
              bindings:
              - name: input
                value: from-template
              try:
              - create:
                  resource:
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: ($input)
            """);
        var test = Load(Head + """
              steps:
              - use:
                  template: step-template.yaml
              - name: with-arguments
                use:
                  template: step-template.yaml
                  with:
                    bindings:
                    - name: input
                      value: from-test
            """);

        var report = await cluster.RunAsync(test);

        report.Status.Should().Be(ReportStatus.Passed, ReportWriter.Narrate(report));
        ops.Calls.Should().Contain($"create v1/ConfigMap {report.Namespace}/from-template").And.Contain($"create v1/ConfigMap {report.Namespace}/from-test");
    }

    [Fact]
    public async Task A_step_template_is_read_when_its_step_runs_and_a_missing_one_fails_that_step()
    {
        var (cluster, _) = InMemory();
        var test = Load(Head + "  steps:\n  - use:\n      template: not-written-yet.yaml\n");

        var report = await cluster.RunAsync(test);

        report.Status.Should().Be(ReportStatus.Failed);
        report.Failures.Should().ContainSingle().Which.Should().Contain("step template not found").And.Contain("not-written-yet.yaml");
    }

    [Fact]
    public void A_step_that_uses_a_template_and_writes_try_too_is_an_error_at_its_line()
    {
        var file = Write("chainsaw-test.yaml", Head + "  steps:\n  - use:\n      template: x.yaml\n    try:\n    - sleep: { duration: 1s }\n");

        var act = () => ChainsawTestLoader.LoadFile(file);

        act.Should().Throw<ChainsawFormatException>().WithMessage($"{file}:6:*no try, catch, finally or cleanup of its own*");
    }

    [Fact]
    public async Task A_test_level_catch_runs_after_the_failing_steps_own_catch()
    {
        var (cluster, _) = InMemory();
        var test = Load(Head + """
              catch:
              - script: { content: echo from-test }
              steps:
              - try:
                - script: { content: exit 3 }
                catch:
                - script: { content: echo from-step }
            """);

        var report = await cluster.RunAsync(test);

        report.Steps[0].Operations.Where(o => o.Phase == OperationPhase.Catch).Select(o => o.Output).Should().Equal("from-step", "from-test");
    }

    [Fact]
    public async Task A_v1alpha2_test_runs_with_its_fields_grouped_by_concern()
    {
        var test = Write("chainsaw-test.yaml", """
            apiVersion: chainsaw.kyverno.io/v1alpha2
            kind: Test
            metadata: { name: grouped }
            spec:
              namespace: { name: home }
              execution: { concurrent: false }
              cleanup: { skipDelete: true }
              templating: { enabled: true }
              bindings: [{ name: mode, value: home }]
              steps:
              - try:
                - assert:
                    resource:
                      apiVersion: v1
                      kind: ConfigMap
                      metadata: { name: presence }
                      data: { mode: ($mode) }
            """);

        var loaded = ChainsawTestLoader.LoadFile(test).Single();
        var findings = await OfflineAssertion.CheckAsync([test], [Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: presence, namespace: home }\ndata: { mode: home }\n")]);

        loaded.Skip.Should().BeNull();
        loaded.Namespace.Should().Be("home");
        loaded.ConcurrencyGroup.Should().Be("chainsaw:sequential");
        findings.Should().BeEmpty();
    }

    [Fact]
    public void A_misspelt_v1alpha2_field_is_an_error_at_its_line()
    {
        var file = Write("chainsaw-test.yaml", "apiVersion: chainsaw.kyverno.io/v1alpha2\nkind: Test\nmetadata: { name: t }\nspec:\n  execution:\n    concurent: false\n  steps: []\n");

        var act = () => ChainsawTestLoader.LoadFile(file);

        act.Should().Throw<ChainsawFormatException>().WithMessage($"{file}:6:*unknown field 'concurent' in execution*");
    }

    [Fact]
    public async Task What_cannot_run_offline_is_skipped_with_the_reason_and_counted_as_a_skip()
    {
        var test = Write("chainsaw-test.yaml", Head + "  cluster: staging\n  steps:\n  - try:\n    - sleep: { duration: 1s }\n");

        var findings = await OfflineAssertion.CheckAsync([test], [Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n")]);

        findings.Should().ContainSingle().Which.Should().Match<Manifests.Findings.Finding>(f =>
            f.Severity == Manifests.Findings.Severity.Info && f.RuleId == OfflineAssertion.SkippedRule && f.Message.Contains("skipped") && f.Message.Contains($"cluster ({test}:5"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (ClusterUnderTest Cluster, InMemoryCluster Ops) InMemory()
    {
        var source = new InMemorySource();
        var ops = new InMemoryCluster(source);
        return (new ClusterUnderTest(source, ops), ops);
    }

    private TestDefinition Load(string yaml) => ChainsawTestLoader.LoadFile(Write("chainsaw-test.yaml", yaml)).Single();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text + "\n");
        return path;
    }
}

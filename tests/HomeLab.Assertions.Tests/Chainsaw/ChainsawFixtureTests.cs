using HomeLab.Assertions.Chainsaw;
using HomeLab.Assertions.Operations;
using HomeLab.Assertions.Reports;
using HomeLab.Assertions.Sources;
using HomeLab.Assertions.Steps;
using HomeLab.Manifests.Objects;

namespace HomeLab.Assertions.Tests.Chainsaw;

public class ChainsawFixtureTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "chainsaw");

    private static TestDefinition Load(string name) => ChainsawTestLoader.LoadFile(Path.Combine(Root, name, "chainsaw-test.yaml")).Single();

    private static (ClusterUnderTest Cluster, InMemoryCluster Ops) InMemory()
    {
        var source = new InMemorySource();
        var ops = new InMemoryCluster(source);
        return (new ClusterUnderTest(source, ops), ops);
    }

    private static ClusterUnderTest Rendered() =>
        new(new ManifestSource(ManifestSet.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rendered")).Objects, "rendered k3s"));

    [Fact]
    public async Task Apply_patch_assert_and_error_run_from_Chainsaw_yaml()
    {
        var (cluster, ops) = InMemory();
        var test = Load("apply-and-assert");

        var report = await cluster.RunAsync(test);

        report.Status.Should().Be(ReportStatus.Passed, ReportWriter.Narrate(report));
        test.Timeouts!.Assert.Should().Be(TimeSpan.FromSeconds(10));
        ops.Calls.Should().Contain($"patch v1/ConfigMap {report.Namespace}/settings");
    }

    [Fact]
    public async Task Test_and_step_bindings_template_resources_and_assertions()
    {
        var (cluster, ops) = InMemory();

        var report = await cluster.RunAsync(Load("bindings"));

        report.Status.Should().Be(ReportStatus.Passed, ReportWriter.Narrate(report));
        ops.Calls.Should().Contain($"apply v1/ConfigMap {report.Namespace}/frigate-config");
    }

    [Fact]
    public async Task Catch_runs_collectors_after_a_failure_finally_always_and_later_steps_are_skipped()
    {
        var (cluster, ops) = InMemory();

        var report = await cluster.RunAsync(Load("try-catch-finally"));

        report.Status.Should().Be(ReportStatus.Failed);
        var step = report.Steps[0];
        step.Operations.Select(o => (o.Phase, o.Kind, o.Status)).Should().Equal(
            (OperationPhase.Try, OperationKind.Apply, ReportStatus.Passed),
            (OperationPhase.Try, OperationKind.Script, ReportStatus.Failed),
            (OperationPhase.Catch, OperationKind.Events, ReportStatus.Passed),
            (OperationPhase.Catch, OperationKind.Get, ReportStatus.Passed),
            (OperationPhase.Finally, OperationKind.Apply, ReportStatus.Passed));
        step.Operations[3].Output.Should().Contain("\"first\"");
        report.Steps[1].Status.Should().Be(ReportStatus.Skipped);
        // Reverse order of registration: the step's clean-up is registered when the step ends, after its creations.
        report.Cleanup.Select(c => c.Description.Split(" (")[0]).Should().Equal(
            "script",
            $"delete created v1/ConfigMap {report.Namespace}/from-finally",
            $"delete created v1/ConfigMap {report.Namespace}/first",
            $"delete namespace {report.Namespace}");
        report.Cleanup[0].Output.Should().Be($"cleaning {report.Namespace}");
        ops.Calls.Should().NotContain(c => c.Contains("never-applied"));
    }

    [Fact]
    public async Task A_rendered_overlay_puts_frigate_on_the_nvidia_node()
    {
        var report = await Rendered().RunAsync(Load("rendered-frigate"));

        report.Status.Should().Be(ReportStatus.Passed, ReportWriter.Narrate(report));
        report.Namespace.Should().Be("media");
    }

    [Fact]
    public async Task Iterations_array_modes_and_all_candidates_run_from_Chainsaw_yaml()
    {
        var test = Load("iteration-and-modes");

        var report = await Rendered().RunAsync(test);

        report.Status.Should().Be(ReportStatus.Passed, ReportWriter.Narrate(report));
        test.ConcurrencyGroup.Should().Be("rendered");
        test.Steps[0].Try[1].Match.Should().Be(CandidateMatch.All);
    }

    [Fact]
    public async Task A_failing_rendered_assertion_reports_the_field_and_its_line_in_the_test_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"chainsaw-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: chainsaw.kyverno.io/v1alpha1
            kind: Test
            metadata:
              name: wrong-node
            spec:
              namespace: media
              steps:
              - try:
                - assert:
                    resource:
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: jellyfin
                      spec:
                        template:
                          spec:
                            nodeSelector:
                              hardware/nvidia: "true"
            """);
        try
        {
            var report = await Rendered().RunAsync(ChainsawTestLoader.LoadFile(file).Single());

            report.Status.Should().Be(ReportStatus.Failed);
            report.Failures.Should().ContainSingle().Which.Should()
                .Be($"step-1: {file}:18:17: spec.template.spec.nodeSelector: Required value: field not found in the input object");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_malformed_test_names_the_file_and_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"chainsaw-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "apiVersion: chainsaw.kyverno.io/v1alpha1\nkind: Test\nmetadata: { name: x }\nspec:\n  steps:\n  - try:\n    - frobnicate: {}\n");
        try
        {
            var act = () => ChainsawTestLoader.LoadFile(file);
            act.Should().Throw<ChainsawFormatException>().WithMessage($"{file}:7:*unknown operation 'frobnicate'*");
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using FluentAssertions;
using HomeLab.Pipeline.Suites;

namespace HomeLab.Pipeline.Tests.Suites;

/// <summary>The C# suites' results read back from the TRX file dotnet test writes, and their tally.</summary>
public sealed class TrxResultsTests : IDisposable
{
    // The shape `dotnet test --logger trx` writes (trimmed to what is read): one UnitTestResult per test case.
    private const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="5c1f" name="runner 2026-12-02 01:00:00" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult executionId="1" testId="a" testName="HomeLab.Stack.Tests.Platform.MeshTests.Every_namespace_is_in_the_mesh" duration="00:00:00.0120000" outcome="Passed" />
            <UnitTestResult executionId="2" testId="b" testName="HomeLab.Stack.Tests.Workloads.WorkloadLiveTests.Home_Assistant_and_Zigbee2MQTT_exchange_MQTT_messages_through_Mosquitto" duration="00:00:03.0000000" outcome="Failed">
              <Output>
                <ErrorInfo>
                  <Message>Expected state to contain "online".</Message>
                  <StackTrace>at WorkloadLiveTests.cs:line 60</StackTrace>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult executionId="3" testId="c" testName="HomeLab.Stack.Tests.Backup.BackupLiveTests.A_backup_restores_into_a_new_namespace" duration="00:00:00" outcome="NotExecuted">
              <Output>
                <ErrorInfo>
                  <Message>no cluster: KUBECONFIG names no reachable server</Message>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
          </Results>
          <ResultSummary outcome="Failed"><Counters total="3" executed="2" passed="1" failed="1" notExecuted="1" /></ResultSummary>
        </TestRun>
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("trx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Passed_failed_and_not_executed_tests_are_read_with_their_failure_and_skip_reason()
    {
        var outcomes = TrxResults.Read(Write(Trx));

        outcomes.Should().HaveCount(3);
        outcomes[0].Should().Be(new SuiteOutcome("HomeLab.Stack.Tests.Platform.MeshTests.Every_namespace_is_in_the_mesh", true, null, null));
        outcomes[1].Failure.Should().Be("Expected state to contain \"online\".");
        outcomes[1].Passed.Should().BeFalse();
        outcomes[2].Skipped.Should().BeTrue();
        outcomes[2].SkipReason.Should().Be("no cluster: KUBECONFIG names no reachable server");
    }

    [Fact]
    public void The_tally_counts_the_csharp_suites_as_the_summary_shows_them()
    {
        var tally = SuiteTally.Of("C# suites", TrxResults.Read(Write(Trx)), TimeSpan.FromSeconds(4.2));

        tally.ToString().Should().Be("C# suites: 1 passed, 1 failed, 1 skipped (4.2 s)");
    }

    [Fact]
    public void The_step_summary_has_a_row_per_kind_of_suite_and_a_total()
    {
        var markdown = SuiteTally.ToMarkdown([
            new SuiteTally("chainsaw", 5, 0, 2, TimeSpan.FromSeconds(1)),
            new SuiteTally("C# suites", 40, 1, 30, TimeSpan.FromSeconds(20)),
        ]);

        markdown.Should().Contain("| chainsaw | 5 | 0 | 2 | 1.0 s |")
            .And.Contain("| C# suites | 40 | 1 | 30 | 20.0 s |")
            .And.Contain("| total | 45 | 1 | 32 | 21.0 s |");
    }

    [Fact]
    public void A_file_that_is_not_TRX_is_named_in_a_one_line_error()
    {
        var path = Write("<testsuites><testsuite name=\"junit\" /></testsuites>");

        var read = () => TrxResults.Read(path);

        read.Should().Throw<InvalidDataException>().WithMessage($"{path}: not a TRX file (its root is testsuites, not TestRun)");
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory, "stack-suites.trx");
        File.WriteAllText(path, text);
        return path;
    }
}

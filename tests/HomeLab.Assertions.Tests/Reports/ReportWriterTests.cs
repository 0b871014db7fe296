using System.Xml.Linq;
using HomeLab.Assertions.Reports;
using HomeLab.Assertions.Steps;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Tests.Reports;

public class ReportWriterTests
{
    private static RunReport Sample()
    {
        var failed = new OperationReport(OperationKind.Assert, OperationPhase.Try, "assert Deployment web", ReportStatus.Failed, TimeSpan.FromSeconds(2),
            ["a.yaml:4:3: spec.replicas: Invalid value: 1: Expected value: 2"], "-   replicas: 2\n+   replicas: 1\n");
        var passed = new OperationReport(OperationKind.Apply, OperationPhase.Try, "apply", ReportStatus.Passed, TimeSpan.FromMilliseconds(10), [], string.Empty);
        return new RunReport(
        [
            new TestReport("web", "hl-web-1", ReportStatus.Failed, TimeSpan.FromSeconds(3), [new StepReport("deploy", ReportStatus.Failed, TimeSpan.FromSeconds(2), [passed, failed])], []),
            new TestReport("later", "hl-later-2", ReportStatus.Skipped, TimeSpan.Zero, [], [], "needs GPU"),
        ], TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void JUnit_has_a_testcase_per_test_with_failures_and_skips()
    {
        var xml = XDocument.Parse(ReportWriter.ToJUnit(Sample()));
        var suite = xml.Root!.Element("testsuite")!;
        suite.Attribute("tests")!.Value.Should().Be("2");
        suite.Attribute("failures")!.Value.Should().Be("1");
        var cases = suite.Elements("testcase").ToList();
        cases[0].Element("failure")!.Attribute("message")!.Value.Should().Be("deploy: a.yaml:4:3: spec.replicas: Invalid value: 1: Expected value: 2");
        cases[0].Element("system-out")!.Value.Should().Contain("| +   replicas: 1");
        cases[1].Element("skipped")!.Attribute("message")!.Value.Should().Be("needs GPU");
    }

    [Fact]
    public void Json_nests_tests_steps_and_operations_with_status_duration_and_errors()
    {
        var json = JObject.Parse(ReportWriter.ToJson(Sample()));
        json["passed"]!.Value<bool>().Should().BeFalse();
        var op = json["tests"]![0]!["steps"]![0]!["operations"]![1]!;
        op["kind"]!.ToString().Should().Be("Assert");
        op["status"]!.ToString().Should().Be("Failed");
        op["duration"]!.Value<double>().Should().Be(2);
        op["errors"]![0]!.ToString().Should().Contain("spec.replicas");
    }
}

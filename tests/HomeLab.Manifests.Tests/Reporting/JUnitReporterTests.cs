using System.Xml.Linq;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Reporting;

namespace HomeLab.Manifests.Tests.Reporting;

public class JUnitReporterTests
{
    [Fact]
    public void JUnit_output_has_a_suite_per_file_and_failures_for_errors_only()
    {
        using var repository = new ReportTestRepository();
        using var writer = new StringWriter();

        new JUnitReporter(repository.Root).Write(repository.Findings, writer);

        var xml = XDocument.Parse(writer.ToString());
        var suite = xml.Root!.Elements("testsuite").Should().ContainSingle().Subject;
        suite.Attribute("name")!.Value.Should().Be("manifests/web.yaml");
        var cases = suite.Elements("testcase").ToList();
        cases.Should().HaveCount(repository.Findings.Count);
        var image = cases.Single(c => c.Attribute("name")!.Value.StartsWith(LintRuleIds.ImageTag, StringComparison.Ordinal));
        image.Element("failure")!.Attribute("type")!.Value.Should().Be(LintRuleIds.ImageTag);
        image.Attribute("line")!.Value.Should().Be("30");
        var probe = cases.Single(c => c.Attribute("name")!.Value.StartsWith(LintRuleIds.Probes, StringComparison.Ordinal));
        probe.Element("failure").Should().BeNull("warnings do not fail the build");
        probe.Element("system-out")!.Value.Should().Contain("warning");
        suite.Attribute("failures")!.Value.Should().Be(cases.Count(c => c.Element("failure") is not null).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void JUnit_output_can_group_by_rule()
    {
        using var repository = new ReportTestRepository();
        using var stream = new MemoryStream();

        new JUnitReporter(repository.Root) { GroupBy = JUnitGrouping.Rule }.Write(repository.Findings, stream);

        var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        xml.Root!.Elements("testsuite").Select(s => s.Attribute("name")!.Value)
            .Should().BeEquivalentTo(repository.Findings.Select(f => f.RuleId).Distinct());
    }
}

using HomeLab.Assertions.Offline;
using HomeLab.Manifests.Findings;

namespace HomeLab.Assertions.Tests.Offline;

public class OfflineAssertionTests
{
    private static readonly string Resources = Path.Combine(AppContext.BaseDirectory, "Fixtures", "rendered");

    [Fact]
    public async Task A_matching_assertion_file_gives_no_findings()
    {
        var file = Write("apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: frigate, namespace: media }\nspec: { template: { spec: { nodeSelector: { hardware/nvidia: 'true' } } } }\n");
        (await OfflineAssertion.CheckAsync([file], [Resources])).Should().BeEmpty();
    }

    [Fact]
    public async Task A_mismatch_is_a_finding_at_the_assertion_line_naming_the_object()
    {
        // jellyfin comes after frigate in the file: chainsaw's offline mode would compare against frigate.
        var file = Write("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: jellyfin\n  namespace: media\nspec:\n  replicas: 3\n");

        var findings = await OfflineAssertion.CheckAsync([file], [Resources]);

        var finding = findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(OfflineAssertion.MismatchRule);
        finding.Severity.Should().Be(Severity.Error);
        finding.Message.Should().Be("spec.replicas: Invalid value: 1: Expected value: 3");
        finding.Span!.Value.Line.Should().Be(7);
        finding.Span!.Value.File.Should().Be(file);
        finding.Object!.Name.Should().Be("jellyfin");
        finding.Hint.Should().Contain("k3s-media.yaml:23");
    }

    [Fact]
    public async Task A_missing_object_and_a_broken_file_are_findings_too()
    {
        var missing = Write("apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: plex, namespace: media }\n");
        var broken = Write("apiVersion: v1\nkind: [\n");

        var findings = await OfflineAssertion.CheckAsync([missing, broken], [Resources]);

        findings.Select(f => f.RuleId).Should().Equal(OfflineAssertion.NotFoundRule, OfflineAssertion.SyntaxRule);
        findings[0].Message.Should().Contain("apps/v1/Deployment media/plex: not found");
    }

    private static string Write(string yaml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"assert-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }
}

using HomeLab.Manifests.Lint;

namespace HomeLab.Manifests.Tests.Lint;

public class WaveRequiresRuleTests
{
    private const string Project = """
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata: { name: platform, namespace: argocd }
        spec:
          sourceRepos: ["*"]
          destinations: [{ server: https://kubernetes.default.svc, namespace: "*" }]
        """;

    [Fact]
    public void An_application_after_everything_it_requires_passes()
    {
        var yaml = LintTestSet.Join(Project, App("istio-base", "0", null), App("istiod", "1", "istio-base"), App("gateway", "2", "istiod, istio-base"));

        LintTestSet.Lint(yaml).Should().BeEmpty();
    }

    [Fact]
    public void Applications_without_requirements_may_share_a_wave()
    {
        var yaml = LintTestSet.Join(Project, App("cert-manager", "0", ""), App("sealed-secrets", "0", null), App("storage", null, null));

        LintTestSet.Lint(yaml, LintRuleIds.WaveRequires).Should().BeEmpty();
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("0", "1")]
    [InlineData(null, "1")]
    [InlineData("-3", "-1")]
    public void An_application_not_after_what_it_requires_fails_at_its_wave(string? wave, string requiredWave)
    {
        var yaml = LintTestSet.Join(Project, App("istiod", requiredWave, null), App("gateway", wave, "istiod"));

        var finding = LintTestSet.Lint(yaml, LintRuleIds.WaveRequires).Should().ContainSingle().Subject;

        finding.Message.Should().Contain("'gateway'").And.Contain($"'istiod' in wave {requiredWave}");
        finding.Hint.Should().Contain($"\"{int.Parse(requiredWave, System.Globalization.CultureInfo.InvariantCulture) + 1}\"");
        finding.Object!.Name.Should().Be("gateway");
        finding.FieldPath.Should().Be("metadata.annotations[\"argocd.argoproj.io/sync-wave\"]");
    }

    [Fact]
    public void The_wave_finding_points_at_the_wave_line_and_suggests_after_the_latest_requirement()
    {
        var yaml = LintTestSet.Join(Project, App("a", "0", null), App("b", "4", null), App("c", "2", "a,b"));
        var waveLine = yaml.Split('\n').ToList().FindIndex(l => l.Contains("sync-wave: \"2\"", StringComparison.Ordinal)) + 1;

        var finding = LintTestSet.Lint(yaml, LintRuleIds.WaveRequires).Should().ContainSingle().Subject;

        finding.Hint.Should().Contain("\"5\"");
        finding.Span!.Value.Line.Should().Be(waveLine);
    }

    [Fact]
    public void Requiring_an_application_that_is_not_in_the_set_fails_and_suggests_a_near_name()
    {
        var yaml = LintTestSet.Join(Project, App("istiod", "0", null), App("gateway", "1", "istiod,istio-d"));

        var finding = LintTestSet.Lint(yaml, LintRuleIds.WaveRequires).Should().ContainSingle().Subject;

        finding.Message.Should().Contain("requires 'istio-d', which is not an Application in the set");
        finding.FieldPath.Should().Be("metadata.annotations[\"homelab.dev/requires\"]");
        finding.Hint.Should().Contain("'istiod'");
    }

    [Fact]
    public void An_application_that_requires_itself_fails()
    {
        var yaml = LintTestSet.Join(Project, App("loop", "3", "loop"));

        LintTestSet.Lint(yaml, LintRuleIds.WaveRequires).Should().ContainSingle().Which.Message.Should().Contain("requires itself");
    }

    [Fact]
    public void A_cycle_of_requirements_cannot_pass()
    {
        var yaml = LintTestSet.Join(Project, App("a", "1", "b"), App("b", "2", "a"));

        LintTestSet.Lint(yaml, LintRuleIds.WaveRequires).Should().ContainSingle().Which.Object!.Name.Should().Be("a");
    }

    [Fact]
    public void A_wave_that_is_not_a_number_is_reported_once()
    {
        var yaml = LintTestSet.Join(Project, App("istiod", "first", null), App("gateway", "1", "istiod"));

        var finding = LintTestSet.Lint(yaml, LintRuleIds.WaveRequires).Should().ContainSingle().Subject;

        finding.Message.Should().Contain("'first', which is not a whole number");
    }

    [Fact]
    public void The_rule_can_be_silenced_on_one_application_with_a_reason()
    {
        var gateway = App("gateway", "0", "istiod").Replace(
            "  annotations:\n",
            "  annotations:\n    lint.homelab.dev/ignore: \"homelab/wave-requires: bootstrapped by hand before ArgoCD\"\n",
            StringComparison.Ordinal);

        LintTestSet.Lint(LintTestSet.Join(Project, App("istiod", "1", null), gateway), LintRuleIds.WaveRequires).Should().BeEmpty();
    }

    private static string App(string name, string? wave, string? requires)
    {
        var lines = new List<string>
        {
            "apiVersion: argoproj.io/v1alpha1",
            "kind: Application",
            "metadata:",
            $"  name: {name}",
            "  namespace: argocd",
            "  annotations:",
        };
        if (wave is not null)
        {
            lines.Add($"    argocd.argoproj.io/sync-wave: \"{wave}\"");
        }

        if (requires is not null)
        {
            lines.Add($"    homelab.dev/requires: \"{requires}\"");
        }

        lines.Add("    note: \"x\"");
        lines.Add("spec:");
        lines.Add("  project: platform");
        lines.Add($"  source: {{ repoURL: https://github.com/homelab/gitops, path: manifests/{name}, targetRevision: main }}");
        lines.Add($"  destination: {{ server: https://kubernetes.default.svc, namespace: {name} }}");
        return string.Join('\n', lines);
    }
}

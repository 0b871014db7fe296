using HomeLab.Manifests.Lint;

namespace HomeLab.Manifests.Tests.Lint;

public class ArgoRuleTests
{
    private const string Project = """
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata: { name: platform, namespace: argocd }
        spec:
          sourceRepos: ["https://charts.jetstack.io", "https://github.com/homelab/*"]
          destinations:
            - { server: https://kubernetes.default.svc, namespace: "cert-*" }
        """;

    private const string Application = """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: { name: cert-manager, namespace: argocd }
        spec:
          project: platform
          source:
            repoURL: https://charts.jetstack.io
            chart: cert-manager
            targetRevision: 1.16.2
          destination: { server: https://kubernetes.default.svc, namespace: cert-manager }
        """;

    [Fact]
    public void An_application_in_a_permitting_project_passes()
    {
        LintTestSet.Lint(LintTestSet.Join(Project, Application)).Should().BeEmpty();
    }

    [Fact]
    public void An_application_needs_its_project_in_the_set()
    {
        var finding = LintTestSet.Lint(Application, LintRuleIds.ArgoProject).Should().ContainSingle().Subject;

        finding.FieldPath.Should().Be("spec.project");
        finding.Span!.Value.Line.Should().Be(5);
    }

    [Fact]
    public void The_project_must_permit_the_source_repository_and_the_destination()
    {
        var yaml = LintTestSet.Join(
            Project,
            Application.Replace("https://charts.jetstack.io", "https://charts.example.org", StringComparison.Ordinal)
                .Replace("namespace: cert-manager", "namespace: kube-system", StringComparison.Ordinal));

        LintTestSet.Lint(yaml, LintRuleIds.ArgoProject).Select(f => f.FieldPath).Should().Equal("spec.source.repoURL", "spec.destination");
    }

    [Fact]
    public void Negated_source_patterns_deny()
    {
        var yaml = LintTestSet.Join(
            Project.Replace("\"https://charts.jetstack.io\",", "\"https://charts.jetstack.io\", \"!https://charts.jetstack.io\",", StringComparison.Ordinal),
            Application);

        LintTestSet.Lint(yaml, LintRuleIds.ArgoProject).Should().ContainSingle().Which.FieldPath.Should().Be("spec.source.repoURL");
    }

    [Theory]
    [InlineData("1.16.2", false)]
    [InlineData("v1.16.2-rc.1", false)]
    [InlineData("\"*\"", true)]
    [InlineData("HEAD", true)]
    [InlineData("^1.16.0", true)]
    [InlineData("\">=1.0 <2.0\"", true)]
    [InlineData("1.16.x", true)]
    [InlineData("\"\"", true)]
    public void Chart_versions_must_be_pinned(string revision, bool fires)
    {
        var yaml = LintTestSet.Join(Project, Application.Replace("targetRevision: 1.16.2", $"targetRevision: {revision}", StringComparison.Ordinal));

        var findings = LintTestSet.Lint(yaml, LintRuleIds.ChartVersionPinned);

        findings.Select(f => f.FieldPath).Should().Equal(fires ? ["spec.source.targetRevision"] : Array.Empty<string>());
    }

    [Fact]
    public void Git_sources_need_no_pinned_chart_version()
    {
        var yaml = LintTestSet.Join(Project, Application
            .Replace("https://charts.jetstack.io", "https://github.com/homelab/gitops", StringComparison.Ordinal)
            .Replace("chart: cert-manager", "path: manifests/platform", StringComparison.Ordinal)
            .Replace("targetRevision: 1.16.2", "targetRevision: HEAD", StringComparison.Ordinal));

        LintTestSet.Lint(yaml).Should().BeEmpty();
    }

    [Fact]
    public void Custom_resources_must_not_sync_before_their_crd()
    {
        const string Crd = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: certificates.cert-manager.io
              annotations: { argocd.argoproj.io/sync-wave: "-1" }
            spec:
              group: cert-manager.io
              names: { kind: Certificate, plural: certificates }
            """;
        const string Certificate = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: wildcard
              namespace: apps
              annotations: { argocd.argoproj.io/sync-wave: "WAVE" }
            spec: { secretName: wildcard-tls }
            """;

        LintTestSet.Lint(LintTestSet.Join(Crd, Certificate.Replace("WAVE", "0", StringComparison.Ordinal)), LintRuleIds.SyncWaveOrder).Should().BeEmpty();
        LintTestSet.Lint(LintTestSet.Join(Crd.Replace("\"-1\"", "\"0\"", StringComparison.Ordinal), Certificate.Replace("WAVE", "0", StringComparison.Ordinal)), LintRuleIds.SyncWaveOrder).Should().BeEmpty("the same wave applies CRDs first");
        var finding = LintTestSet.Lint(LintTestSet.Join(Crd, Certificate.Replace("WAVE", "-2", StringComparison.Ordinal)), LintRuleIds.SyncWaveOrder).Should().ContainSingle().Subject;
        finding.FieldPath.Should().Be("metadata.annotations[\"argocd.argoproj.io/sync-wave\"]");
        finding.Span!.Value.Line.Should().Be(15);
    }
}

using System.Text.Json;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Reporting;
using HomeLab.Manifests.Validation;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Reporting;

public class SarifReporterTests
{
    [Fact]
    public void Sarif_output_parses_and_carries_rules_levels_regions_and_relative_uris()
    {
        using var repository = new ReportTestRepository();

        using var sarif = Write(repository);

        var root = sarif.RootElement;
        root.GetProperty("version").GetString().Should().Be("2.1.0");
        var run = root.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var imageRule = rules.Single(r => r.GetProperty("id").GetString() == LintRuleIds.ImageTag);
        imageRule.GetProperty("shortDescription").GetProperty("text").GetString().Should().Be(LintRules.Find(LintRuleIds.ImageTag)!.Rationale);
        imageRule.GetProperty("defaultConfiguration").GetProperty("level").GetString().Should().Be("error");
        run.GetProperty("originalUriBaseIds").GetProperty(SarifReporter.RootBaseId).GetProperty("uri").GetString().Should().StartWith("file:///").And.EndWith("/");

        var result = Results(sarif).Single(r => r.GetProperty("ruleId").GetString() == LintRuleIds.ImageTag);
        result.GetProperty("level").GetString().Should().Be("error");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("manifests/web.yaml");
        location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString().Should().Be(SarifReporter.RootBaseId);
        var region = location.GetProperty("region");
        (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32())
            .Should().Be((30, 18, 30, 23));
        Results(sarif).Single(r => r.GetProperty("ruleId").GetString() == LintRuleIds.Probes).GetProperty("level").GetString().Should().Be("warning");
    }

    [Fact]
    public void Fingerprints_survive_lines_added_above_while_regions_move()
    {
        using var before = new ReportTestRepository();
        using var after = new ReportTestRepository("# a comment\n# and another\n\n");

        using var first = Write(before);
        using var second = Write(after);

        var a = Results(first).Select(Summary).ToList();
        var b = Results(second).Select(Summary).ToList();
        a.Should().NotBeEmpty();
        b.Select(r => r.Fingerprint).Should().Equal(a.Select(r => r.Fingerprint));
        b.Select(r => r.Line).Should().Equal(a.Select(r => r.Line + 3));
        a.Select(r => r.Fingerprint).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_finding_on_a_chart_object_names_the_template_and_every_environment_it_was_found_in()
    {
        var span = new SourceSpan("/repo/manifests/argocd/loki.yaml", 14, 12, 14, 16) { Template = "chart loki 6.45.1, templates/single-binary/statefulset.yaml" };
        var finding = new Finding(LintRuleIds.Probes, Severity.Warning, "no liveness probe") { Span = span, Environments = ["k3d", "k3s"] };
        using var stream = new MemoryStream();

        new SarifReporter("/repo").Write([finding], stream);

        using var sarif = JsonDocument.Parse(stream.ToArray());
        var result = Results(sarif).Should().ContainSingle().Subject;
        var location = result.GetProperty("locations")[0];
        location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("manifests/argocd/loki.yaml");
        location.GetProperty("message").GetProperty("text").GetString().Should().Be("chart loki 6.45.1, templates/single-binary/statefulset.yaml");
        var properties = result.GetProperty("properties");
        properties.GetProperty("environments").EnumerateArray().Select(e => e.GetString()).Should().Equal("k3d", "k3s");
        properties.GetProperty("chartTemplate").GetString().Should().Be("chart loki 6.45.1, templates/single-binary/statefulset.yaml");
    }

    [Fact]
    public void Findings_without_a_place_still_make_a_valid_result()
    {
        var finding = new Finding(LintRuleIds.MeshStrictMtls, Severity.Error, "no mesh-wide PeerAuthentication");
        using var stream = new MemoryStream();

        new SarifReporter(Path.GetTempPath()).Write([finding], stream);

        using var sarif = JsonDocument.Parse(stream.ToArray());
        var result = Results(sarif).Single();
        result.GetProperty("locations").GetArrayLength().Should().Be(1);
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        location.GetProperty("uri").GetString().Should().BeEmpty();
        location.GetProperty("uriBaseId").GetString().Should().Be(SarifReporter.RootBaseId);
        result.GetProperty("partialFingerprints").GetProperty(SarifReporter.FingerprintKey).GetString().Should().HaveLength(64);
    }

    [Fact]
    public void Rules_carry_help_and_links_and_the_driver_its_version_and_address()
    {
        var findings = new[]
        {
            new Finding(YamlRuleIds.Syntax, Severity.Error, "a key was expected here") { Span = new SourceSpan(Path.Combine(Path.GetTempPath(), "scan", "broken.yaml"), 5, 2, 5, 2) },
            new Finding("render/made-up", Severity.Warning, "something while rendering"),
        };
        using var stream = new MemoryStream();

        new SarifReporter(Path.Combine(Path.GetTempPath(), "repo")) { InformationUri = new Uri("https://github.com/example/homelab") }.Write(findings, stream);

        using var sarif = JsonDocument.Parse(stream.ToArray());
        var driver = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        driver.GetProperty("version").GetString().Should().NotBeNullOrEmpty();
        driver.GetProperty("informationUri").GetString().Should().Be("https://github.com/example/homelab");
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        rules.Should().OnlyContain(r => r.GetProperty("help").GetProperty("text").GetString()!.Length > 0
            && r.GetProperty("fullDescription").GetProperty("text").GetString()!.Length > 0
            && r.GetProperty("helpUri").GetString()!.StartsWith("https://github.com/example/homelab", StringComparison.Ordinal));
        rules.Select(r => r.GetProperty("id").GetString()).Should().Contain([YamlRuleIds.Syntax, ValidationRuleIds.UnknownField, LintRuleIds.ImageTag, "render/made-up"]);
        var uris = Results(sarif).Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation")).ToList();
        uris.Should().OnlyContain(u => u.GetProperty("uriBaseId").GetString() == SarifReporter.RootBaseId);
        uris[0].GetProperty("uri").GetString().Should().Be("../scan/broken.yaml");
    }

    private static JsonDocument Write(ReportTestRepository repository)
    {
        using var stream = new MemoryStream();
        new SarifReporter(repository.Root) { ToolVersion = "1.0.0" }.Write(repository.Findings, stream);
        return JsonDocument.Parse(stream.ToArray());
    }

    private static IEnumerable<JsonElement> Results(JsonDocument sarif) =>
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray();

    private static (string? Fingerprint, int Line) Summary(JsonElement result) =>
        (result.GetProperty("partialFingerprints").GetProperty(SarifReporter.FingerprintKey).GetString(),
         result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
}

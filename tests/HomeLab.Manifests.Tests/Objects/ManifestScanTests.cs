using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Objects;

public sealed class ManifestScanTests : IDisposable
{
    private static readonly string Mixed = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Scan", "mixed");
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("homelab-scan-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private static Task<ManifestScanResult> Scan(params string[] paths) => ManifestScan.RunAsync(new ManifestScanOptions { Paths = paths });

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_scratch.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Names(ManifestScanResult result) => string.Join(" ", result.Objects.Select(o => o.Name).Order(StringComparer.Ordinal));

    private static IEnumerable<string> Skipped(ManifestScanResult result) =>
        result.Findings.Where(f => f.RuleId == ManifestRuleIds.Skipped).Select(f => Path.GetRelativePath(Mixed, f.Span!.Value.File).Replace('\\', '/'));

    [Fact]
    public async Task A_mixed_directory_reports_the_bad_file_and_still_reads_the_good_ones()
    {
        var result = await Scan(Mixed);

        result.Findings.Where(f => f.Severity == Severity.Error).Should().ContainSingle()
            .Which.Span!.Value.File.Should().EndWith("broken.yaml");
        Names(result).Should().Be("app app-settings app-settings good web");
        result.Findings.Should().ContainSingle(f => f.RuleId == ManifestRuleIds.EmptyFile).Which.Severity.Should().Be(Severity.Warning);
    }

    [Fact]
    public async Task Files_that_are_not_objects_are_skipped_with_a_note_each()
    {
        var result = await Scan(Mixed);

        Skipped(result).Should().BeEquivalentTo(
            "app/base/kustomization.yaml", "app/overlays/dev/kustomization.yaml", "app/overlays/prod/kustomization.yaml",
            "app/overlays/dev/replicas.yaml", "app/overlays/prod/replicas.yaml",
            "chart/Chart.yaml", "chart/values.yaml", "chart/templates/deployment.yaml", "dashboards/home.json");
        result.Findings.Where(f => f.RuleId == ManifestRuleIds.Skipped).Should().OnlyContain(f => f.Severity == Severity.Info);
        result.FilesSkipped.Should().Be(9);
    }

    [Fact]
    public async Task Placeholders_are_reported_once_as_unrendered_and_the_object_is_left_out()
    {
        var result = await Scan(Path.Combine(Mixed, "substituted.yaml"));

        var finding = result.Findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be(ManifestRuleIds.Unrendered);
        finding.Message.Should().Contain("${APP}").And.Contain("${CAPACITY:=5Gi}").And.StartWith("unrendered");
        result.Objects.Should().BeEmpty();
    }

    [Fact]
    public async Task Sibling_overlays_are_separate_sets_so_the_same_object_in_each_is_no_duplicate()
    {
        var result = await Scan(Mixed);

        result.Sets.Select(s => Path.GetRelativePath(Mixed, s.Name).Replace('\\', '/')).Should().Equal(
            Path.GetRelativePath(Mixed, "path"), "app/base", "app/overlays/dev", "app/overlays/prod");
        var validator = new ManifestValidator(new ValidationOptions { KubernetesVersion = "1.32" });
        result.Sets.SelectMany(s => validator.Validate(s.Objects).Findings).Should().NotContain(f => f.RuleId == ValidationRuleIds.DuplicateObject);
    }

    [Fact]
    public async Task Kustomize_directories_can_be_checked_as_what_they_build()
    {
        var rendered = new List<string>();
        var result = await ManifestScan.RunAsync(new ManifestScanOptions
        {
            Paths = [Path.Combine(Mixed, "app")],
            RenderKustomization = (directory, _) =>
            {
                rendered.Add(Path.GetRelativePath(Mixed, directory).Replace('\\', '/'));
                return Task.FromResult(ManifestSet.Parse($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: built-{rendered.Count}\n", $"kubectl kustomize {directory}"));
            },
        });

        rendered.Should().Equal("app/base", "app/overlays/dev", "app/overlays/prod");
        Names(result).Should().Be("built-1 built-2 built-3");
        result.Sets.Should().HaveCount(3);
    }

    [Fact]
    public async Task The_same_file_given_twice_or_with_its_folder_is_read_once()
    {
        var file = Write("a/one.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n");

        var result = await Scan(file, Path.GetDirectoryName(file)!, file, Path.Combine(_scratch.FullName, "a", "..", "a", "one.yaml"));

        result.Objects.Should().ContainSingle();
        result.Findings.Should().BeEmpty();
    }

    [Fact(Timeout = 20_000)]
    public async Task A_symbolic_link_loop_is_reported_and_each_real_file_read_once()
    {
        Write("tree/one.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n");
        Directory.CreateSymbolicLink(Path.Combine(_scratch.FullName, "tree", "loop"), Path.Combine(_scratch.FullName, "tree"));
        Directory.CreateSymbolicLink(Path.Combine(_scratch.FullName, "tree", "round-a"), Path.Combine(_scratch.FullName, "tree", "round-b"));
        Directory.CreateSymbolicLink(Path.Combine(_scratch.FullName, "tree", "round-b"), Path.Combine(_scratch.FullName, "tree", "round-a"));
        Directory.CreateSymbolicLink(Path.Combine(_scratch.FullName, "alias"), Path.Combine(_scratch.FullName, "tree"));

        var result = await Scan(Path.Combine(_scratch.FullName, "tree"), Path.Combine(_scratch.FullName, "alias"));

        result.Objects.Should().ContainSingle();
        result.Findings.Should().ContainSingle(f => f.RuleId == ManifestRuleIds.LinkLoop && f.Span!.Value.File.EndsWith("loop", StringComparison.Ordinal));
        result.Findings.Should().NotContain(f => f.Severity == Severity.Error);
    }

    [Fact]
    public async Task A_folder_with_no_manifests_and_a_missing_path_are_errors()
    {
        Write("notes/readme.md", "# nothing to check\n");

        var result = await Scan(Path.Combine(_scratch.FullName, "notes"), Path.Combine(_scratch.FullName, "missing"));

        result.Findings.Select(f => f.RuleId).Should().Equal(ManifestRuleIds.NoManifests, ManifestRuleIds.PathNotFound);
        result.Findings.Should().OnlyContain(f => f.Severity == Severity.Error);
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task An_unreadable_folder_is_reported_and_the_rest_is_read()
    {
        Skip.If(OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess, "file permissions do not stop an administrator or root");
        Write("tree/one.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n");
        var locked = Path.Combine(_scratch.FullName, "tree", "locked");
        Write("tree/locked/two.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var result = await Scan(Path.Combine(_scratch.FullName, "tree"));

            result.Objects.Should().ContainSingle();
            result.Findings.Should().ContainSingle().Which.Message.Should().StartWith("cannot read the folder");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task A_dash_reads_standard_input()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: piped\n---\nkind: [\n"));

        var result = await ManifestScan.RunAsync(new ManifestScanOptions { Paths = ["-"], StandardInput = input });

        Names(result).Should().Be("piped");
        result.Findings.Should().ContainSingle().Which.Span!.Value.File.Should().Be("<stdin>");
    }

    [Fact]
    public async Task Ignored_file_patterns_and_skipped_kinds_are_left_out()
    {
        var result = await ManifestScan.RunAsync(new ManifestScanOptions
        {
            Paths = [Mixed],
            IgnoreFilenamePatterns = [new Regex("broken", RegexOptions.None, TimeSpan.FromSeconds(1))],
            SkipKinds = ["Service", "apps/v1/Deployment"],
        });

        Names(result).Should().Be("app-settings app-settings good");
        result.Findings.Should().NotContain(f => f.Severity == Severity.Error);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_file_larger_than_the_limit_is_a_finding_and_not_read()
    {
        var file = Write("big.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  x: " + new string('a', 4096) + "\n");
        var clock = Stopwatch.StartNew();

        var result = await ManifestScan.RunAsync(new ManifestScanOptions { Paths = [file], Loader = new YamlLoader { RequireMappings = true, MaxFileBytes = 1024 } });

        result.Findings.Should().ContainSingle().Which.RuleId.Should().Be(YamlRuleIds.TooLarge);
        result.Objects.Should().BeEmpty();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact(Timeout = 20_000)]
    public async Task Standard_input_larger_than_the_limit_is_a_finding_and_not_read()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  x: " + new string('a', 4096) + "\n"));

        var result = await ManifestScan.RunAsync(new ManifestScanOptions { Paths = ["-"], StandardInput = input, Loader = new YamlLoader { RequireMappings = true, MaxFileBytes = 1024 } });

        var finding = result.Findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be(YamlRuleIds.TooLarge);
        finding.Message.Should().StartWith("<stdin> holds more than the");
        finding.Span!.Value.File.Should().Be("<stdin>");
        result.Objects.Should().BeEmpty();
    }
}

using System.Text;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Yaml;

public class YamlHostileInputTests
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";

    [Fact]
    public void Bytes_that_are_not_utf8_are_rejected_at_their_line()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(ConfigMap + "data:\n  k: caf"), 0xE9, .. "\n"u8];

        var result = YamlLoader.Manifests.LoadBytes(bytes, "latin1.yaml");

        var finding = result.Findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be(YamlRuleIds.InvalidEncoding);
        (finding.Span!.Value.Line, finding.Span.Value.Column).Should().Be((6, 9));
        result.Documents.Should().BeEmpty();
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_utf16_with_one_is_read()
    {
        YamlLoader.Manifests.LoadBytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ConfigMap)], "bom.yaml").Documents.Should().ContainSingle();
        YamlLoader.Manifests.LoadBytes([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(ConfigMap)], "utf16.yaml").Documents.Should().ContainSingle();
    }

    [Fact]
    public void Binary_input_is_a_finding_that_names_the_control_character_without_echoing_it()
    {
        var result = YamlLoader.Manifests.LoadString("apiVersion: v1\nkind: \u0000\u001b[2J\n", "binary.yaml");

        var finding = result.Findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be(YamlRuleIds.ControlCharacter);
        finding.Message.Should().Contain("U+0000").And.NotContainAny("\u0000", "\u001b");
        (finding.Span!.Value.Line, finding.Span.Value.Column).Should().Be((2, 7));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_billion_laughs_document_is_rejected_quickly_and_in_little_memory()
    {
        var text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
        {
            text.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var result = await Task.Run(() => YamlLoader.Default.LoadString(text.ToString(), "laughs.yaml"));

        result.Findings.Should().ContainSingle().Which.RuleId.Should().Be(YamlRuleIds.AliasExpansion);
        (GC.GetAllocatedBytesForCurrentThread() - allocated).Should().BeLessThan(50_000_000);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_one_line_json_document_of_many_values_is_read_without_rescanning_its_line()
    {
        // 300,000 values on one 3 MB line: reading each value to the line's end would take minutes, not milliseconds.
        var text = "{\"kind\": \"ConfigMap\", \"values\": [" + string.Join(", ", Enumerable.Range(0, 300_000).Select(i => i % 2 == 0 ? $"v{i}" : $"\"q{i}\"")) + "]}";

        var result = await Task.Run(() => YamlLoader.Manifests.LoadString(text, "one-line.json"));

        result.Findings.Should().BeEmpty();
        result.Documents[0].Root.Find("values").Should().BeOfType<YamlList>().Which.Count.Should().Be(300_000);
    }

    [SkippableFact(Timeout = 20_000)]
    public async Task A_pipe_whose_length_is_unknown_is_read_to_its_end()
    {
        // What --path <(kustomize build .) hands over: a pipe, whose length reads as 0.
        Skip.If(OperatingSystem.IsWindows() || !File.Exists("/usr/bin/mkfifo"), "needs POSIX named pipes (mkfifo)");
        var directory = Directory.CreateTempSubdirectory("homelab-pipe-");
        try
        {
            var pipe = Path.Combine(directory.FullName, "rendered.yaml");
            using (var mkfifo = System.Diagnostics.Process.Start("/usr/bin/mkfifo", [pipe]))
            {
                await mkfifo.WaitForExitAsync();
            }

            var writer = Task.Run(() => File.WriteAllText(pipe, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: piped\n"));
            var result = await YamlLoader.Manifests.LoadFileAsync(pipe);
            await writer;

            result.Findings.Should().BeEmpty();
            result.Documents.Should().ContainSingle().Which.Root.Find("metadata.name").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("piped");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Aliases_that_a_person_writes_are_within_the_limit()
    {
        var result = YamlLoader.Default.LoadString("defaults: &d {cpu: 1, memory: 1Gi}\na: *d\nb: *d\nc: {<<: *d, cpu: 2}\n", "anchors.yaml");

        result.Findings.Should().BeEmpty();
        result.Documents[0].Root.Find("c.memory")!.ToString().Should().Be("1Gi");
    }

    [Fact]
    public void A_missing_file_is_a_finding_not_an_exception()
    {
        YamlLoader.Manifests.LoadFile(Path.Combine(Path.GetTempPath(), "homelab-missing", "x.yaml")).Findings
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);
    }
}

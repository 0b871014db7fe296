using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Reporting;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Reporting;

public sealed class TerminalTextTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("homelab-terminal-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public void A_finding_on_a_five_megabyte_line_prints_a_window_of_it()
    {
        var file = Path.Combine(_scratch.FullName, "long.yaml");
        var value = new string('x', 5 * 1024 * 1024);
        File.WriteAllText(file, $"data: {{key: {value}, bad: [}}\n");
        var finding = new Finding("schema/invalid-value", Severity.Error, $"the string \"{value}\" is not allowed")
        {
            Span = new SourceSpan(file, 1, 5_000_000, 1, 5_000_004),
            Hint = "shorten it",
        };
        using var text = new StringWriter();

        new ConsoleReporter(_scratch.FullName).Write([finding], text);

        var output = text.ToString();
        output.Length.Should().BeLessThan(2_000);
        output.Should().Contain("more characters").And.Contain("…");
        var lines = output.Split('\n');
        var source = lines.Single(l => l.TrimStart().StartsWith("1 |", StringComparison.Ordinal));
        var caret = lines.Single(l => l.Contains('^', StringComparison.Ordinal));
        caret.IndexOf('^', StringComparison.Ordinal).Should().BeLessThan(source.Length);
    }

    [Fact]
    public void Control_characters_and_direction_overrides_are_shown_escaped()
    {
        var finding = new Finding("yaml/syntax", Severity.Error, "bad value \u001b[2J\u0007 here \u202Eevil") { Hint = "a\u0000b" };
        using var text = new StringWriter();

        new ConsoleReporter(_scratch.FullName).Write([finding], text);

        text.ToString().Should().NotContainAny("\u001b", "\u0007", "\u202E", "\u0000").And.Contain("\\u{1B}[2J\\u{7}").And.Contain("\\u{202E}");
    }
}

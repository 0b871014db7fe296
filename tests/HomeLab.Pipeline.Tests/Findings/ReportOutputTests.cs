using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;
using HomeLab.Pipeline.Findings;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Tests.Findings;

public sealed class ReportOutputTests : IDisposable
{
    private readonly AbsolutePath root = AbsolutePath.FromAbsolute(Directory.CreateTempSubdirectory("homelab-output-").FullName);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Sarif_and_junit_files_are_read_relative_to_the_root()
    {
        var outputs = ReportOutput.Parse(["sarif=out/homelab.sarif", "junit=out/findings.xml"], root);

        outputs.Should().Equal(new ReportOutput("sarif", root / "out" / "homelab.sarif"), new ReportOutput("junit", root / "out" / "findings.xml"));
    }

    [Theory]
    [InlineData("sarif=")]
    [InlineData("html=out/x.html")]
    [InlineData("sarif")]
    public void A_value_that_is_not_a_report_names_the_option_and_an_example(string value)
    {
        var parse = () => ReportOutput.Parse([value], root);

        parse.Should().Throw<TargetFailedException>().WithMessage($"--output {value}: expected sarif=<file> or junit=<file>, for example --output sarif=out/homelab.sarif.");
    }

    [Fact]
    public void A_directory_is_refused_before_any_work()
    {
        Directory.CreateDirectory(root / "out");

        var parse = () => ReportOutput.Parse(["junit=out"], root);

        parse.Should().Throw<TargetFailedException>().WithMessage("*is a directory; name the file to write.");
    }

    [Fact]
    public void Writing_creates_the_directory_and_the_report()
    {
        var output = ReportOutput.Parse(["junit=reports/findings.xml"], root).Single();

        output.Write([new Finding("homelab/image-tag", Severity.Error, "image has no pinned tag") { Span = SourceSpan.At(root / "a.yaml", 3, 5) }], root);

        File.ReadAllText(root / "reports" / "findings.xml").Should().Contain("homelab/image-tag");
    }
}

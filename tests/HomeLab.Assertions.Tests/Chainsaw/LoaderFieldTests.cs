using HomeLab.Assertions.Chainsaw;

namespace HomeLab.Assertions.Tests.Chainsaw;

public class LoaderFieldTests
{
    private const string Head = "apiVersion: chainsaw.kyverno.io/v1alpha1\nkind: Test\nmetadata: { name: t }\nspec:\n";

    [Fact]
    public void A_misspelt_field_is_an_error_at_its_line()
    {
        var file = Write(Head + "  steps:\n  - try:\n    - assert:\n        fiel: x.yaml\n");
        var act = () => ChainsawTestLoader.LoadFile(file);
        act.Should().Throw<ChainsawFormatException>().WithMessage($"{file}:8:*unknown field 'fiel'*");
    }

    [Fact]
    public void A_field_this_runner_does_not_run_skips_the_test_with_the_reason()
    {
        var file = Write(Head + "  steps:\n  - try:\n    - apply:\n        resource: { apiVersion: v1, kind: ConfigMap, metadata: { name: x } }\n        expect:\n        - check: { ($error != null): true }\n");
        var test = ChainsawTestLoader.LoadFile(file).Single();
        test.Skip.Should().Contain("expect").And.Contain($"{file}:9");
    }

    [Fact]
    public void Files_are_read_when_the_operation_runs()
    {
        var file = Write(Head + "  steps:\n  - try:\n    - assert:\n        file: not-there-yet.yaml\n");
        var operation = ChainsawTestLoader.LoadFile(file).Single().Steps[0].Try[0];
        operation.Resources.Should().BeEmpty();
        var act = () => ChainsawTestLoader.ReadFiles(operation);
        act.Should().Throw<ChainsawFormatException>().WithMessage("*not-there-yet.yaml*");
    }

    [Fact]
    public void A_directory_with_a_bad_file_still_loads_the_others()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"chainsaw-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(directory, "a"));
        Directory.CreateDirectory(Path.Combine(directory, "b"));
        File.WriteAllText(Path.Combine(directory, "a", "chainsaw-test.yaml"), Head + "  stepz: []\n");
        File.WriteAllText(Path.Combine(directory, "b", "chainsaw-test.yaml"), Head + "  steps: []\n");

        var tests = ChainsawTestLoader.LoadDirectory(directory);

        tests.Should().HaveCount(2);
        tests[0].LoadError.Should().Contain("unknown field 'stepz'");
        tests[1].LoadError.Should().BeNull();
    }

    private static string Write(string yaml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"chainsaw-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }
}

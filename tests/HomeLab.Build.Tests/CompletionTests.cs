using System.Diagnostics;

namespace HomeLab.Build.Tests;

public sealed class CompletionTests
{
    private static string Complete(string word)
    {
        Skip.If(OperatingSystem.IsWindows(), "bash completion is for bash.");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, WorkingDirectory = Repository.Root };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"source build/completion.bash; COMP_WORDS=(./build.sh '{word}'); COMP_CWORD=1; _homelab_build; printf '%s\\n' \"${{COMPREPLY[@]}}\"");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    [SkippableFact]
    public void Bash_completion_offers_targets_from_the_schema()
    {
        Complete("Ver").Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("Verify", "VerifySealedSecrets", "VerifyUpdate");
    }

    [SkippableFact]
    public void Bash_completion_offers_parameters_in_kebab_case_and_built_in_options()
    {
        var offered = Complete("--").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        offered.Should().Contain(["--verbosity", "--benchmark-runs", "--skip", "--parallel"]);
    }
}

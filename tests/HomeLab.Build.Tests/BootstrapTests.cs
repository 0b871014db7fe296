using System.Diagnostics;

namespace HomeLab.Build.Tests;

/// <summary>
/// build.sh against a recorded-invocation fake of `dotnet` on PATH: the fake records every call, "builds" by
/// writing the output assembly, and "runs" it by printing its arguments. What is checked is what the
/// bootstrap decides: build only when an input changed, otherwise run the compiled build directly.
/// </summary>
public sealed class BootstrapTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("homelab-bootstrap-").FullName;
    private readonly string log;
    private readonly string fakeBin;
    private readonly Dictionary<string, string> extraEnvironment = [];

    public BootstrapTests()
    {
        log = Path.Combine(root, "dotnet-calls.log");
        fakeBin = Directory.CreateDirectory(Path.Combine(root, "fake-bin")).FullName;
        File.Copy(Path.Combine(Repository.Root, "build.sh"), Path.Combine(root, "build.sh"));
        File.Copy(Path.Combine(Repository.Root, "build.cmd"), Path.Combine(root, "build.cmd"));
        File.WriteAllText(Path.Combine(root, "global.json"), """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }""");
        Directory.CreateDirectory(Path.Combine(root, "build"));
        Directory.CreateDirectory(Path.Combine(root, "src", "Lib"));
        File.WriteAllText(Path.Combine(root, "build", "_build.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(root, "build", "Build.cs"), "class Build {}");
        File.WriteAllText(Path.Combine(root, "src", "Lib", "Lib.cs"), "class Lib {}");
        File.WriteAllText(Path.Combine(root, "src", "Lib", "Lib.csproj"), "<Project />");
        var fake = Path.Combine(fakeBin, "dotnet");
        File.WriteAllText(fake, $$"""
            #!/usr/bin/env bash
            echo "$*" >> "{{log}}"
            case "$1" in
              --list-sdks) echo "10.0.401 [/fake/sdk]" ;;
              publish|build)
                [ -n "${FAKE_PUBLISH_FAILS:-}" ] && [ "$1" = publish ] && exit 1
                out=""; while [ $# -gt 0 ]; do [ "$1" = "-o" ] && out=$2; shift; done
                echo "  Determining projects to restore..."
                echo "  Lib -> /fake/src/Lib/bin/Lib.dll"
                if [ -n "${FAKE_COMPILE_HANGS:-}" ]; then echo $$ > "{{root}}/compiler.pid"; exec sleep 60; fi
                mkdir -p "$out" && echo compiled > "$out/_build.dll"
                echo "  _build -> $out/_build.dll"
                echo "  _build -> $out/" ;;
              *.dll) shift; echo "ran build: $*" ;;
            esac
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private (int ExitCode, string Output, string[] Calls) Run(string script = "build.sh", params string[] args)
    {
        Skip.If(OperatingSystem.IsWindows(), "build.sh is the bootstrap for Linux and macOS; Windows uses build.ps1.");
        if (File.Exists(log))
        {
            File.Delete(log);
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(root, script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = fakeBin + ":/usr/bin:/bin";
        foreach (var (name, value) in extraEnvironment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        var calls = File.Exists(log) ? File.ReadAllLines(log) : [];
        return (process.ExitCode, output, calls);
    }

    [SkippableFact]
    public void The_first_call_builds_the_build_then_runs_it()
    {
        var (exitCode, output, calls) = Run("build.sh", "--help");

        exitCode.Should().Be(0, output);
        calls.Should().Contain(c => c.StartsWith("publish ", StringComparison.Ordinal));
        output.Should().Contain("ran build: --help");
    }

    [SkippableFact]
    public void The_first_compile_says_what_it_compiles_and_why_and_shows_each_project()
    {
        // ./build.sh --help, in a fresh clone
        var (exitCode, output, _) = Run("build.sh", "--help");

        exitCode.Should().Be(0, output);
        output.Should().Contain("build.sh: compiling the build (build/_build.csproj and src/, 2 projects): the first run in this checkout");
        output.Should().Contain("Ctrl-C stops it");
        output.Should().Contain("build.sh:   restoring packages\nbuild.sh:   compiled Lib (1/2)\nbuild.sh:   compiled _build (2/2)\n"
            + "build.sh:   precompiling (ReadyToRun), so the build starts fast: the longest step\n");
        output.Should().MatchRegex(@"build\.sh: compiled the build in \d+ s\n");
    }

    [SkippableFact]
    public void A_later_compile_says_that_an_input_changed()
    {
        Run("build.sh");
        File.AppendAllText(Path.Combine(root, "build", "Build.cs"), "// changed\n");
        var (_, output, _) = Run("build.sh");

        output.Should().Contain("build.sh: compiling the build again: build/, src/ or the SDK settings changed since it was last compiled.");
    }

    [SkippableFact]
    public async Task Ctrl_c_during_the_first_compile_stops_the_compiler_and_exits_130()
    {
        // ./build.sh in a fresh clone, then Ctrl-C while it compiles (once: ignored, exit 0)
        Skip.If(OperatingSystem.IsWindows(), "build.sh is the bootstrap for Linux and macOS; Windows uses build.ps1.");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(root, "build.sh"));
        start.Environment["PATH"] = fakeBin + ":/usr/bin:/bin";
        start.Environment["FAKE_COMPILE_HANGS"] = "1";
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var compiling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("compiled Lib", StringComparison.Ordinal) == true)
            {
                compiling.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            await compiling.Task.WaitAsync(TimeSpan.FromSeconds(30));
            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            {
                await interrupt.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var text = output + await stdout;
        process.ExitCode.Should().Be(130, text);
        text.Should().Contain("build.sh: cancelled while compiling the build; nothing ran").And.NotContain("ran build");
        var compiler = int.Parse(File.ReadAllText(Path.Combine(root, "compiler.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        IsRunning(compiler).Should().BeFalse("the compiler is stopped, not left running");
    }

    [SkippableFact]
    public void Build_ps1_shows_the_same_progress_where_powershell_is_installed()
    {
        // ./build.ps1 --help, in a fresh clone
        var pwsh = new[] { "/usr/bin", "/usr/local/bin", "/opt/microsoft/powershell/7" }.Select(d => Path.Combine(d, "pwsh")).FirstOrDefault(File.Exists);
        Skip.If(pwsh is null, "PowerShell (pwsh) is not installed here; build.ps1 is the Windows bootstrap");
        File.Copy(Path.Combine(Repository.Root, "build.ps1"), Path.Combine(root, "build.ps1"));
        var start = new ProcessStartInfo(pwsh!) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = root };
        foreach (var arg in new[] { "-NoProfile", "-File", Path.Combine(root, "build.ps1"), "--help" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = fakeBin + ":/usr/bin:/bin";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        process.ExitCode.Should().Be(0, output);
        output.Should().Contain("build.ps1: compiling the build (build/_build.csproj and src/, 2 projects): the first run in this checkout");
        output.Should().Contain("build.ps1:   compiled Lib (1/2)").And.Contain("ran build: --help");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var found = Process.GetProcessById(pid);
            return !found.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [SkippableFact]
    public void With_nothing_changed_the_build_is_not_rebuilt_and_no_sdk_lookup_happens()
    {
        Run("build.sh", "--help");
        var (exitCode, output, calls) = Run("build.sh", "Verify", "--no-logo");

        exitCode.Should().Be(0, output);
        calls.Should().ContainSingle().Which.Should().EndWith("_build.dll Verify --no-logo");
        output.Should().Be("ran build: Verify --no-logo\n");
    }

    [SkippableFact]
    public void A_changed_source_file_rebuilds()
    {
        Run("build.sh");
        File.AppendAllText(Path.Combine(root, "src", "Lib", "Lib.cs"), "// changed\n");
        var (_, _, calls) = Run("build.sh");

        calls.Should().Contain(c => c.StartsWith("publish ", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void An_added_or_deleted_source_file_rebuilds()
    {
        Run("build.sh");
        File.WriteAllText(Path.Combine(root, "build", "Build.More.cs"), "partial class Build {}");
        Run("build.sh").Calls.Should().Contain(c => c.StartsWith("publish ", StringComparison.Ordinal));

        File.Delete(Path.Combine(root, "build", "Build.More.cs"));
        Run("build.sh").Calls.Should().Contain(c => c.StartsWith("publish ", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Build_output_directories_do_not_count_as_inputs()
    {
        Run("build.sh");
        Directory.CreateDirectory(Path.Combine(root, "src", "Lib", "obj"));
        File.WriteAllText(Path.Combine(root, "src", "Lib", "obj", "generated.cs"), "// written by a build");
        Run("build.sh").Calls.Should().ContainSingle();
    }

    [SkippableFact]
    public void The_build_is_published_ready_to_run_for_a_fast_start()
    {
        var (_, _, calls) = Run("build.sh");

        calls.Should().Contain(c => c.StartsWith("publish ", StringComparison.Ordinal) && c.Contains("-p:PublishReadyToRun=true", StringComparison.Ordinal) && c.Contains("--use-current-runtime", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Without_ready_to_run_the_bootstrap_falls_back_to_a_plain_build_and_says_so()
    {
        extraEnvironment["FAKE_PUBLISH_FAILS"] = "1";
        var (exitCode, output, calls) = Run("build.sh", "--help");

        exitCode.Should().Be(0, output);
        calls.Should().Contain(c => c.StartsWith("build ", StringComparison.Ordinal));
        output.Should().Contain("ReadyToRun was not available").And.Contain("ran build: --help");
    }

    [SkippableFact]
    public void Build_cmd_runs_under_bash_too()
    {
        var (exitCode, output, _) = Run("build.cmd", "--list");

        exitCode.Should().Be(0, output);
        output.Should().Contain("ran build: --list");
    }

    [SkippableFact]
    public void An_sdk_older_than_global_json_is_refused_with_a_clear_message()
    {
        Skip.If(OperatingSystem.IsWindows(), "build.sh is the bootstrap for Linux and macOS; Windows uses build.ps1.");
        File.WriteAllText(Path.Combine(root, "global.json"), """{ "sdk": { "version": "10.0.500", "rollForward": "latestFeature" } }""");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(root, "build.sh"));
        // Only the basic tools on PATH, no curl or wget: the install script cannot be fetched, and build.sh must say so.
        var basics = Directory.CreateDirectory(Path.Combine(root, "basic-bin")).FullName;
        foreach (var tool in new[] { "dirname", "find", "sort", "cksum", "sed", "head", "mkdir", "cat", "grep", "stat" })
        {
            var real = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
            if (real is not null)
            {
                File.CreateSymbolicLink(Path.Combine(basics, tool), real);
            }
        }

        start.Environment["PATH"] = fakeBin + ":" + basics;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        process.ExitCode.Should().NotBe(0);
        output.Should().Contain("no .NET SDK satisfies global.json (10.0.500)").And.Contain("install the .NET SDK 10.0");
    }
}

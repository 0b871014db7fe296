namespace HomeLab.Tools.Tests;

/// <summary>The one process runner, through the wrapper for programs without one of their own; sh is on every machine these tests run on.</summary>
public sealed class ExternalProgramTests
{
    private static readonly ExternalProgram Shell = new("sh");

    [Fact]
    public async Task A_buffered_run_returns_both_streams_and_the_exit_code()
    {
        var result = await Shell.ExecuteAsync(["-c", "echo out; echo err >&2; exit 3"]);

        result.ExitCode.Should().Be(3);
        result.StandardOutput.Should().Be("out\n");
        result.StandardError.Should().Be("err\n");
        result.IsSuccess.Should().BeFalse();
    }

    [Fact]
    public async Task A_streamed_run_hands_over_each_line_with_its_stream()
    {
        var lines = new List<ToolOutputLine>();

        var exitCode = await Shell.StreamAsync(["-c", "echo one; echo two >&2; echo three"], line => { lock (lines) { lines.Add(line); } });

        exitCode.Should().Be(0);
        lines.Should().Contain([new ToolOutputLine("one", false), new ToolOutputLine("two", true), new ToolOutputLine("three", false)]);
    }

    [Fact]
    public async Task Environment_and_working_directory_reach_the_program()
    {
        var directory = Path.GetTempPath().TrimEnd('/');

        var result = await Shell.WithWorkingDirectory(directory).WithEnvironmentVariable("HOMELAB_PROBE", "42").ExecuteAsync(["-c", "echo $HOMELAB_PROBE; pwd"]);

        result.StandardOutput.Split('\n').Should().StartWith(["42", Path.GetFullPath(directory)]);
    }

    [Fact]
    public async Task A_program_that_does_not_exist_is_a_tool_not_found_error_with_a_hint()
    {
        var run = () => new ExternalProgram("homelab-no-such-program").ExecuteAsync([]);

        var error = (await run.Should().ThrowAsync<ToolNotFoundException>()).Which;
        error.Message.Should().Contain("could not start 'homelab-no-such-program'");
        error.Hint.Should().Contain("put it on PATH");
    }

    [Fact]
    public async Task Cancelling_stops_the_program()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var run = () => Shell.StreamAsync(["-c", "sleep 30"], _ => { }, cancellation.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Ensure_success_turns_a_failed_run_into_an_error_with_the_tools_text()
    {
        var result = await Shell.ExecuteAsync(["-c", "echo 'no such context' >&2; exit 1"]);

        var ensure = () => result.EnsureSuccess();

        ensure.Should().Throw<ToolFailedException>().WithMessage("sh -c * failed: no such context").Which.Result.Should().Be(result);
    }
}

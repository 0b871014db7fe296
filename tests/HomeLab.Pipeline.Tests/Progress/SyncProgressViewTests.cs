using System.Text.RegularExpressions;
using FluentAssertions;
using HomeLab.Cluster.Argo;
using HomeLab.Pipeline.Progress;
using Spectre.Console.Testing;

namespace HomeLab.Pipeline.Tests.Progress;

/// <summary>The wait's progress view: a live table on an interactive terminal, plain lines in a log.</summary>
public sealed partial class SyncProgressViewTests
{
    private readonly List<string> _lines = [];

    [Fact]
    public async Task A_console_that_is_not_a_terminal_gets_one_plain_line_per_change()
    {
        var console = new TestConsole();

        await using (var view = SyncProgressView.Start(console, _lines.Add))
        {
            view.IsLive.Should().BeFalse();
            view.Show(new ApplicationProgress(1, "istio", "Synced", "Progressing", "Waiting for rollout"));
            view.Show(new ApplicationProgress(1, "istio", "Synced", "Healthy", null));
            view.WaveReady(new WaveTiming(1, 1, TimeSpan.FromSeconds(42)));
        }

        _lines.Should().HaveCount(3);
        _lines[0].Should().Contain("wave   1").And.Contain("istio").And.Contain("Progressing").And.EndWith("Waiting for rollout");
        _lines[1].Should().Contain("Healthy");
        _lines[2].Should().Be("wave 1: 1 Applications Synced and Healthy after 42 s");
        console.Output.Should().BeEmpty("a log gets lines, never cursor movements");
    }

    [Fact]
    public async Task An_interactive_terminal_gets_a_live_table_of_wave_Application_sync_health_and_message()
    {
        var console = new TestConsole().Interactive().EmitAnsiSequences();
        console.Profile.Width = 120;

        await using (var view = SyncProgressView.Start(console, _lines.Add))
        {
            view.IsLive.Should().BeTrue();
            view.Show(new ApplicationProgress(0, "crds", "Synced", "Healthy", null));
            view.WaveReady(new WaveTiming(0, 1, TimeSpan.FromSeconds(3)));
            view.Show(new ApplicationProgress(2, "zigbee2mqtt", "OutOfSync", "Missing", "not created yet"));
        }

        _lines.Should().BeEmpty("the table replaces the lines");
        var lastFrame = LastFrame(console.Output);
        lastFrame.Should().ContainAll("wave", "Application", "sync", "health", "message");
        lastFrame.Should().MatchRegex(@"│\s+0\s+│\s+crds\s+│\s+Synced\s+│\s+Healthy\s+│");
        lastFrame.Should().MatchRegex(@"│\s+2\s+│\s+zigbee2mqtt\s+│\s+OutOfSync\s+│\s+Missing\s+│\s+not created yet\s+│");
        lastFrame.Should().Contain("wave 0 ready in 3 s · waiting for wave 2");
    }

    [Fact]
    public async Task The_live_table_keeps_one_row_per_Application_with_its_latest_state()
    {
        var console = new TestConsole().Interactive().EmitAnsiSequences();
        console.Profile.Width = 120;

        await using (var view = SyncProgressView.Start(console, _lines.Add))
        {
            view.Show(new ApplicationProgress(1, "istio", "Synced", "Progressing", "Waiting for rollout"));
            view.Show(new ApplicationProgress(3, "istio", "Synced", "Healthy", null));
        }

        var lastFrame = LastFrame(console.Output);
        lastFrame.Should().NotContain("Progressing");
        Regex.Matches(lastFrame, "istio").Should().ContainSingle("the Application moved to wave 3: one row, not two");
        lastFrame.Should().MatchRegex(@"│\s+3\s+│\s+istio\s+│\s+Synced\s+│\s+Healthy\s+│");
    }

    // The live display redraws in place: each frame starts after the last cursor movement back up.
    private static string LastFrame(string output)
    {
        var frame = CursorUp().Split(output).LastOrDefault(part => part.Contains("Application", StringComparison.Ordinal)) ?? string.Empty;
        return Escape().Replace(frame, string.Empty);
    }

    [GeneratedRegex(@"\x1b\[\d*[AF]")]
    private static partial Regex CursorUp();

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Escape();
}

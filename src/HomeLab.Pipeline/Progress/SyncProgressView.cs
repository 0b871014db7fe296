using System.Globalization;
using HomeLab.Cluster.Argo;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HomeLab.Pipeline.Progress;

/// <summary>
/// The progress of a wave-by-wave wait: a live table (wave, Application, sync, health, message) redrawn in place when
/// the console is an interactive terminal, and one plain line per change otherwise (CI logs, a redirected output), so
/// a log reads as a history and a terminal as a dashboard. Used by StackUp and DeployProd.
/// </summary>
public sealed class SyncProgressView : ISyncProgressView
{
    private readonly object _gate = new();
    private readonly SortedDictionary<(int Wave, string Name), ApplicationProgress> _applications = [];
    private readonly List<WaveTiming> _ready = [];
    private readonly Action<string>? _plainLine;
    private readonly SemaphoreSlim _changed = new(0);
    private readonly Task? _live;
    private volatile bool _done;

    private SyncProgressView(IAnsiConsole console, Action<string> plainLine, bool live)
    {
        if (live)
        {
            _live = console.Live(Render()).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(RefreshAsync);
        }
        else
        {
            _plainLine = plainLine;
        }
    }

    /// <summary>Whether the view redraws a table in place (false: it writes plain lines).</summary>
    public bool IsLive => _live is not null;

    /// <summary>Starts a view on a console: live when it is interactive and understands ANSI, plain lines otherwise.</summary>
    /// <param name="console">The console (Spectre.Console's; a <c>TestConsole</c> in tests).</param>
    /// <param name="plainLine">Where plain lines go (the target's log, so verbosity and secret masking apply).</param>
    /// <returns>The running view; dispose it when the wait ends.</returns>
    public static SyncProgressView Start(IAnsiConsole console, Action<string> plainLine)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plainLine);
        var capabilities = console.Profile.Capabilities;
        return new SyncProgressView(console, plainLine, capabilities.Interactive && capabilities.Ansi);
    }

    /// <summary>Starts a view on this process' standard output (which the build masks for secrets).</summary>
    /// <param name="plainLine">Where plain lines go when standard output is not a terminal.</param>
    /// <returns>The running view.</returns>
    public static SyncProgressView StartOnStandardOutput(Action<string> plainLine) =>
        Start(
            AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Console.Out),

                // A log file or a pipe gets lines even where TERM says the terminal around it understands ANSI.
                Interactive = Console.IsOutputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
            }),
            plainLine);

    /// <summary>The line a wave's readiness is told by, live or plain.</summary>
    /// <param name="wave">The wave.</param>
    /// <returns>The text.</returns>
    public static string Describe(WaveTiming wave)
    {
        ArgumentNullException.ThrowIfNull(wave);
        return string.Create(CultureInfo.InvariantCulture, $"wave {wave.Wave}: {wave.Applications} Applications Synced and Healthy after {wave.Duration.TotalSeconds:0} s");
    }

    /// <inheritdoc />
    public void Show(ApplicationProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (_plainLine is not null)
        {
            _plainLine(progress.ToString());
            return;
        }

        lock (_gate)
        {
            // An Application keeps its row when ArgoCD reports it under another wave (the annotation changed).
            foreach (var key in _applications.Keys.Where(k => k.Name == progress.Name && k.Wave != progress.Wave).ToList())
            {
                _applications.Remove(key);
            }

            _applications[(progress.Wave, progress.Name)] = progress;
        }

        _changed.Release();
    }

    /// <inheritdoc />
    public void WaveReady(WaveTiming wave)
    {
        ArgumentNullException.ThrowIfNull(wave);
        if (_plainLine is not null)
        {
            _plainLine(Describe(wave));
            return;
        }

        lock (_gate)
        {
            _ready.Add(wave);
        }

        _changed.Release();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_live is not null)
        {
            _done = true;
            _changed.Release();
            await _live.ConfigureAwait(false);
        }

        _changed.Dispose();
    }

    private async Task RefreshAsync(LiveDisplayContext context)
    {
        while (true)
        {
            await _changed.WaitAsync().ConfigureAwait(false);

            // Read before rendering: once the view is done, this render sees every change shown before it. Read after,
            // a render begun before the last change would end the table on a state that is no longer true.
            var last = _done;
            context.UpdateTarget(Render());
            context.Refresh();
            if (last)
            {
                return;
            }
        }
    }

    private IRenderable Render()
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("wave").RightAligned())
            .AddColumn("Application")
            .AddColumn("sync")
            .AddColumn("health")
            .AddColumn("message");
        lock (_gate)
        {
            foreach (var application in _applications.Values)
            {
                table.AddRow(
                    new Text(application.Wave.ToString(CultureInfo.InvariantCulture)),
                    new Text(application.Name),
                    new Text(application.Sync, StyleOf(application.Sync)),
                    new Text(application.Health, StyleOf(application.Health)),
                    new Text(application.Message ?? string.Empty));
            }

            var parts = _ready.Select(w => string.Create(CultureInfo.InvariantCulture, $"wave {w.Wave} ready in {w.Duration.TotalSeconds:0} s")).ToList();
            if (_applications.Values.Where(a => !a.IsReady).Select(a => (int?)a.Wave).Min() is { } pending)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"waiting for wave {pending}"));
            }

            var caption = string.Join(" · ", parts);
            if (caption.Length > 0)
            {
                table.Caption(Markup.Escape(caption));
            }
        }

        return table;
    }

    private static Style StyleOf(string state) => state switch
    {
        "Synced" or "Healthy" => new Style(Color.Green),
        "Progressing" or "OutOfSync" or "Suspended" => new Style(Color.Yellow),
        "Degraded" or "Missing" or "Unknown" => new Style(Color.Red),
        _ => Style.Plain,
    };
}

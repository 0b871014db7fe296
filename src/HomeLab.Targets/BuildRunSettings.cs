namespace HomeLab.Targets;

/// <summary>How a build is run: arguments, where output goes, the environment, the clock and cancellation.</summary>
public sealed record BuildRunSettings
{
    /// <summary>The command-line arguments.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Where the engine writes (targets' own console output is masked separately).</summary>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>The environment variables; defaults to the process's.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The directory the root is searched from when <c>--root</c> is not given.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Cancelled on the first Ctrl-C: running targets stop, assured ones still run.</summary>
    public CancellationToken Cancel { get; init; }

    /// <summary>Cancelled on a second Ctrl-C: assured targets stop too.</summary>
    public CancellationToken Abort { get; init; }

    /// <summary>Whether to rewrite <c>.nuke/build.schema.json</c> when the targets or parameters changed.</summary>
    public bool WriteSchema { get; init; } = true;
}

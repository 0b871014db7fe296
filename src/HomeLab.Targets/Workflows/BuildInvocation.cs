namespace HomeLab.Targets.Workflows;

/// <summary>
/// <c>./build.sh</c> with targets and options: the only way a workflow runs work, so everything CI does runs
/// the same way on a laptop, and the generator can check every target and option against the build.
/// </summary>
/// <param name="Targets">The targets, in the order given.</param>
/// <param name="Arguments">Options and their values, for example <c>--output</c>, <c>sarif=out.sarif</c>.</param>
public sealed record BuildInvocation(IReadOnlyList<string> Targets, IReadOnlyList<string> Arguments)
{
    /// <summary>The names of the options given (<c>--output</c> gives <c>output</c>).</summary>
    public IEnumerable<string> OptionNames => Arguments.Where(a => a.StartsWith("--", StringComparison.Ordinal)).Select(a => a[2..].Split('=')[0]);

    /// <summary>The command line.</summary>
    public string CommandLine => string.Join(' ', ["./build.sh", .. Targets, .. Arguments]);
}

using HomeLab.Targets;

namespace HomeLab.Pipeline;

/// <summary>
/// What every component of the pipeline asks of the build it joins, beyond <see cref="IBuild"/>: the clock, how
/// much to print and the environment variables. <see cref="BuildBase"/> provides all three.
/// </summary>
public interface IPipelineBuild : IBuild
{
    /// <summary>The clock; tests inject a fake one.</summary>
    TimeProvider Time { get; }

    /// <summary>How much the build prints.</summary>
    Verbosity Verbosity { get; }

    /// <summary>The environment variables the build was started with.</summary>
    IReadOnlyDictionary<string, string> Environment { get; }
}

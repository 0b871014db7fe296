using HomeLab.Manifests.Environments;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Environments;

/// <summary>
/// A component: the <c>--environment</c> parameter and the environments of the repository, as the Manifests
/// library discovers them (every directory under <c>clusters/</c> with an environment file).
/// </summary>
public interface IEnvironments : IPipelineBuild
{
    /// <summary>The environments to work on, from <c>--environment</c>; empty means all.</summary>
    [Parameter("The environments to work on (directories under clusters/); default: all, or k3d for RotateTestKey.", Name = "environment")]
    string[] Environments => TryGetValue(() => Environments) ?? [];

    /// <summary>The repository's environments and the problems found describing them.</summary>
    EnvironmentCatalog Catalog => EnvironmentCatalog.Discover(RootDirectory);

    /// <summary>The environments selected with <c>--environment</c>, or all of them.</summary>
    /// <returns>The names, in the order given (all: ordinal order).</returns>
    /// <exception cref="TargetFailedException">A name is not an environment of the repository.</exception>
    IReadOnlyList<string> SelectedEnvironments() => new EnvironmentSelection(KnownEnvironments()).Select(Environments);

    /// <summary>The one environment a target works on, from <c>--environment</c>.</summary>
    /// <param name="need">What the target needs, for the message when not exactly one was given.</param>
    /// <returns>The name.</returns>
    /// <exception cref="TargetFailedException">Not exactly one environment was given, or it is unknown.</exception>
    string SingleEnvironment(string need) => new EnvironmentSelection(KnownEnvironments()).Single(Environments, need);

    /// <summary>The names of the repository's environments, in ordinal order.</summary>
    /// <returns>The names.</returns>
    IReadOnlyList<string> KnownEnvironments() => [.. Catalog.Names.Order(StringComparer.Ordinal)];

    /// <summary>A file of an environment: <c>clusters/&lt;environment&gt;/&lt;file&gt;</c>.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="file">The file's name.</param>
    /// <returns>The path.</returns>
    AbsolutePath EnvironmentFile(string environment, string file) => RootDirectory / EnvironmentCatalog.ClustersDirectory / environment / file;
}

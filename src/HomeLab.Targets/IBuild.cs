namespace HomeLab.Targets;

/// <summary>What a component (an interface with default <see cref="Target"/> members) can ask of the build it joins.</summary>
public interface IBuild
{
    /// <summary>The repository root.</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary><c>.nuke/temp</c> under the root.</summary>
    AbsolutePath TemporaryDirectory { get; }

    /// <summary>True on a CI server.</summary>
    bool IsServerBuild { get; }
}

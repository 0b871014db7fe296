using HomeLab.Targets;

namespace HomeLab.Pipeline.Environments;

/// <summary>Checks the environments a user names against the ones the repository has.</summary>
/// <param name="known">The repository's environments.</param>
public sealed class EnvironmentSelection(IReadOnlyList<string> known)
{
    /// <summary>The named environments, or all when none is named.</summary>
    /// <param name="named">What <c>--environment</c> gave.</param>
    /// <returns>The environments.</returns>
    /// <exception cref="TargetFailedException">A name is not an environment of the repository.</exception>
    public IReadOnlyList<string> Select(IReadOnlyList<string> named)
    {
        ArgumentNullException.ThrowIfNull(named);
        foreach (var name in named.Where(e => !known.Contains(e, StringComparer.Ordinal)))
        {
            throw Unknown(name);
        }

        return named.Count == 0 ? known : named;
    }

    /// <summary>The one named environment.</summary>
    /// <param name="named">What <c>--environment</c> gave.</param>
    /// <param name="need">What the caller needs, for the message when not exactly one was given.</param>
    /// <returns>The environment.</returns>
    /// <exception cref="TargetFailedException">Not exactly one was named, or it is unknown.</exception>
    public string Single(IReadOnlyList<string> named, string need)
    {
        ArgumentNullException.ThrowIfNull(named);
        if (named.Count != 1)
        {
            throw new TargetFailedException($"{need} (one of: {string.Join(", ", known)}).");
        }

        return known.Contains(named[0], StringComparer.Ordinal) ? named[0] : throw Unknown(named[0]);
    }

    private TargetFailedException Unknown(string name) =>
        new($"Unknown environment '{name}': the environments are the directories under clusters/ ({string.Join(", ", known)}).");
}

namespace HomeLab.Cluster.Deploy;

/// <summary>
/// The last gate before the first write: on a terminal, the person who read the plan answers (default no); without
/// one (CI, a pipe), only <c>--yes</c> lets a promotion go on — in GitHub Actions inside a protected environment.
/// </summary>
public static class DeployConfirmation
{
    /// <summary>The question asked on a terminal.</summary>
    public const string Question = "Deploy this plan to the hardware? [y/N] ";

    /// <summary>Decides whether to go on.</summary>
    /// <param name="yes">Whether <c>--yes</c> was given.</param>
    /// <param name="isTerminal">Whether a person can answer (standard input is a terminal).</param>
    /// <param name="ask">Asks the question and returns the answer line (null at end of input).</param>
    /// <exception cref="DeployRefusedException">No terminal and no <c>--yes</c>, or the answer was not yes.</exception>
    public static void Confirm(bool yes, bool isTerminal, Func<string, string?> ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (yes)
        {
            return;
        }

        if (!isTerminal)
        {
            throw new DeployRefusedException("not deploying: no terminal to confirm on and no --yes; hint: read the plan above, then run again with --yes (in CI, inside a protected environment)");
        }

        var answer = ask(Question)?.Trim();
        if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
        {
            throw new DeployRefusedException("not deploying: the plan was not confirmed; nothing was changed");
        }
    }
}

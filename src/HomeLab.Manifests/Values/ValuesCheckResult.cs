using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Values;

/// <summary>What the values-key check found over a rendered environment, and how much of it it could check.</summary>
/// <param name="Findings">The keys charts do not read, and a note for each chart whose values could not be read.</param>
/// <param name="Checked">How many rendered charts had their values checked.</param>
/// <param name="NotChecked">How many charts were not checked: not rendered (offline, failed) or with values that could not be read.</param>
public sealed record ValuesCheckResult(IReadOnlyList<Finding> Findings, int Checked, int NotChecked)
{
    /// <summary>One line for a summary: <c>values keys of 12 charts checked, 2 not checked</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        $"values keys of {Checked} chart{(Checked == 1 ? string.Empty : "s")} checked" + (NotChecked == 0 ? string.Empty : $", {NotChecked} not checked");
}

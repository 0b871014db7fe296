using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// One lint rule: an id such as <c>homelab/probes</c>, how serious its findings are unless the repository's
/// <see cref="LintConfiguration"/> says otherwise, and why it exists. A rule walks the YAML model of the objects
/// through the <see cref="LintContext"/> it is given and reports what it finds there.
/// </summary>
public abstract class LintRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">The id, as <c>area/name</c>.</param>
    /// <param name="defaultSeverity">The severity of its findings unless configured otherwise.</param>
    /// <param name="rationale">Why the rule exists, in one line.</param>
    protected LintRule(string id, Severity defaultSeverity, string rationale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(rationale);
        Id = id;
        DefaultSeverity = defaultSeverity;
        Rationale = rationale;
    }

    /// <summary>The id, such as <c>homelab/probes</c>.</summary>
    public string Id { get; }

    /// <summary>The severity of its findings unless configured otherwise.</summary>
    public Severity DefaultSeverity { get; }

    /// <summary>Why the rule exists, in one line.</summary>
    public string Rationale { get; }

    /// <summary>Checks the objects of a run and reports findings through <paramref name="context"/>.</summary>
    /// <param name="context">The objects, their indexes, the environment and the place to report.</param>
    public abstract void Check(LintContext context);

    /// <summary>The rule's id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;
}

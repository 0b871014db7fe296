namespace HomeLab.Pipeline.Manifests;

/// <summary>The sets Render produced in this run, for the targets after it; safe from parallel targets.</summary>
public sealed class CheckedSets
{
    private readonly Lock gate = new();
    private readonly List<CheckedSet> sets = [];
    private readonly List<HomeLab.Manifests.Findings.Finding> pathFindings = [];

    /// <summary>
    /// What loading the <c>--path</c> files found; reported by Validate and Lint, so that a bad file fails the check,
    /// not the load of every other file.
    /// </summary>
    public IReadOnlyList<HomeLab.Manifests.Findings.Finding> PathFindings
    {
        get
        {
            lock (gate)
            {
                return [.. pathFindings];
            }
        }
    }

    /// <summary>Keeps what loading the <c>--path</c> files found.</summary>
    /// <param name="findings">The findings.</param>
    public void AddPathFindings(IEnumerable<HomeLab.Manifests.Findings.Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        lock (gate)
        {
            pathFindings.AddRange(findings);
        }
    }

    /// <summary>The sets so far, in the order added.</summary>
    public IReadOnlyList<CheckedSet> All
    {
        get
        {
            lock (gate)
            {
                return [.. sets];
            }
        }
    }

    /// <summary>Adds a set.</summary>
    /// <param name="set">The set.</param>
    public void Add(CheckedSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        lock (gate)
        {
            sets.Add(set);
        }
    }
}

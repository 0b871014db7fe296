namespace HomeLab.Pipeline.Manifests;

/// <summary>The sets Render produced in this run, for the targets after it; safe from parallel targets.</summary>
public sealed class CheckedSets
{
    private readonly Lock gate = new();
    private readonly List<CheckedSet> sets = [];

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

namespace HomeLab.Targets;

/// <summary>What happens to a target's dependencies when the target itself is skipped.</summary>
public enum DependencyBehavior
{
    /// <summary>Dependencies still run (the default, as in NUKE).</summary>
    Execute,

    /// <summary>Dependencies that nothing else in the plan needs are skipped too.</summary>
    Skip,
}

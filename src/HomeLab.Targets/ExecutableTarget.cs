namespace HomeLab.Targets;

/// <summary>A target of the build, with its relations resolved to other targets.</summary>
public sealed class ExecutableTarget
{
    internal ExecutableTarget(string name, int index, TargetDefinition definition, Type declaringType)
    {
        Name = name;
        Index = index;
        Definition = definition;
        DeclaringType = declaringType;
    }

    /// <summary>The target's name (its property name).</summary>
    public string Name { get; }

    /// <summary>Its position in declaration order; ties in the plan are broken by it.</summary>
    public int Index { get; }

    /// <summary>The class or component interface that declares it.</summary>
    public Type DeclaringType { get; }

    /// <summary>The description, or null.</summary>
    public string? Description => Definition.DescriptionText;

    /// <summary>Whether <c>--help</c> lists it.</summary>
    public bool IsListed => !Definition.IsUnlisted;

    /// <summary>Whether it runs after a failure and after Ctrl-C.</summary>
    public bool IsAssured => Definition.Assured;

    /// <summary>Whether the build goes on when it fails.</summary>
    public bool ProceedsAfterFailure => Definition.Proceeds;

    /// <summary>Exclusive resources it holds while running.</summary>
    public IReadOnlyList<string> Resources => Definition.Resources;

    /// <summary>Artifact globs it produces.</summary>
    public IReadOnlyList<string> Artifacts => Definition.Artifacts;

    /// <summary>Direct dependencies (its own <c>DependsOn</c> and others' <c>DependentFor</c>), in declaration order.</summary>
    public IReadOnlyList<ExecutableTarget> Dependencies => DependencyList;

    /// <summary>Targets it runs after when both are planned (its <c>After</c> and others' <c>Before</c>).</summary>
    public IReadOnlyList<ExecutableTarget> OrderedAfter => OrderedAfterList;

    /// <summary>Targets it triggers (its <c>Triggers</c> and others' <c>TriggeredBy</c>).</summary>
    public IReadOnlyList<ExecutableTarget> Triggered => TriggeredList;

    internal TargetDefinition Definition { get; }

    internal List<ExecutableTarget> DependencyList { get; } = [];

    internal List<ExecutableTarget> OrderedAfterList { get; } = [];

    internal List<ExecutableTarget> TriggeredList { get; } = [];

    /// <inheritdoc />
    public override string ToString() => Name;
}

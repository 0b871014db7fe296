namespace HomeLab.Assertions.Steps;

/// <summary>
/// A step: <see cref="Try"/> runs in order and stops at the first failure; <see cref="Catch"/> runs only when
/// it failed; <see cref="Finally"/> always; <see cref="Cleanup"/> at the end of the test, steps in reverse order.
/// </summary>
/// <param name="Name">The step's name.</param>
public sealed record StepDefinition(string Name)
{
    /// <summary>The operations that make the step.</summary>
    public IReadOnlyList<Operation> Try { get; init; } = [];

    /// <summary>Operations run when <see cref="Try"/> failed, typically collectors.</summary>
    public IReadOnlyList<Operation> Catch { get; init; } = [];

    /// <summary>Operations run after <see cref="Try"/> whatever happened.</summary>
    public IReadOnlyList<Operation> Finally { get; init; } = [];

    /// <summary>Operations run at the end of the test.</summary>
    public IReadOnlyList<Operation> Cleanup { get; init; } = [];

    /// <summary>Timeouts for this step's operations.</summary>
    public Timeouts? Timeouts { get; init; }

    /// <summary>Bindings for this step's operations.</summary>
    public IReadOnlyList<Binding> Bindings { get; init; } = [];

    /// <summary>
    /// A Chainsaw <c>StepTemplate</c> file this step runs (<c>use.template</c>), read when the step runs; its operations
    /// take the place of <see cref="Try"/>, <see cref="Catch"/>, <see cref="Finally"/> and <see cref="Cleanup"/>.
    /// </summary>
    public string? Template { get; init; }

    /// <summary>The arguments given to <see cref="Template"/> (<c>use.with.bindings</c>), bound over the template's own defaults.</summary>
    public IReadOnlyList<Binding> TemplateBindings { get; init; } = [];

    /// <summary>Where the step was written, when loaded from YAML.</summary>
    public Manifests.Yaml.SourceSpan Span { get; init; }
}

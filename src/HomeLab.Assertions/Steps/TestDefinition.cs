using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Steps;

/// <summary>A test: steps run in order against one namespace.</summary>
/// <param name="Name">The test's name.</param>
public sealed record TestDefinition(string Name)
{
    /// <summary>The steps.</summary>
    public IReadOnlyList<StepDefinition> Steps { get; init; } = [];

    /// <summary>The namespace to use; null gives the test a fresh one, created first and deleted last.</summary>
    public string? Namespace { get; init; }

    /// <summary>Timeouts for the whole test.</summary>
    public Timeouts? Timeouts { get; init; }

    /// <summary>Bindings for the whole test (<c>$namespace</c> and <c>$test</c> are always bound).</summary>
    public IReadOnlyList<Binding> Bindings { get; init; } = [];

    /// <summary>Operations run after a failing step's own catch (Chainsaw's test-level <c>catch</c>).</summary>
    public IReadOnlyList<Operation> Catch { get; init; } = [];

    /// <summary>Tests in the same group run one after another; tests with none run in parallel.</summary>
    public string? ConcurrencyGroup { get; init; }

    /// <summary>Skips the test, with this reason.</summary>
    public string? Skip { get; init; }

    /// <summary>Where the test was written, when loaded from YAML.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>Why the test's file could not be loaded (the test then fails with it, and the other files still run); null when it loaded.</summary>
    public string? LoadError { get; init; }
}

namespace HomeLab.Assertions.Steps;

/// <summary>
/// Builds a test in C#:
/// <code>
/// var test = new TestBuilder("frigate")
///     .Step("deploy", s => s.Try(Ops.Apply(yaml), Ops.Assert(ready)).Catch(Ops.Events()))
///     .Build();
/// var report = await cluster.RunAsync(test);
/// </code>
/// </summary>
public sealed class TestBuilder
{
    private readonly List<StepDefinition> _steps = [];
    private readonly List<Binding> _bindings = [];
    private string? _namespace;
    private string? _group;
    private Timeouts? _timeouts;

    /// <summary>Creates a builder.</summary>
    /// <param name="name">The test's name.</param>
    public TestBuilder(string name) => Name = name;

    /// <summary>The test's name.</summary>
    public string Name { get; }

    /// <summary>Adds a step.</summary>
    /// <param name="name">The step's name.</param>
    /// <param name="build">Fills the step.</param>
    /// <returns>This builder.</returns>
    public TestBuilder Step(string name, Action<StepBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var step = new StepBuilder(name);
        build(step);
        _steps.Add(step.Build());
        return this;
    }

    /// <summary>Runs the test in a named namespace instead of a fresh one.</summary>
    /// <param name="namespace">The namespace.</param>
    /// <returns>This builder.</returns>
    public TestBuilder InNamespace(string @namespace)
    {
        _namespace = @namespace;
        return this;
    }

    /// <summary>Puts the test in a concurrency group (tests in one group run one after another).</summary>
    /// <param name="group">The group.</param>
    /// <returns>This builder.</returns>
    public TestBuilder InConcurrencyGroup(string group)
    {
        _group = group;
        return this;
    }

    /// <summary>Sets the test's timeouts.</summary>
    /// <param name="timeouts">The timeouts.</param>
    /// <returns>This builder.</returns>
    public TestBuilder WithTimeouts(Timeouts timeouts)
    {
        _timeouts = timeouts;
        return this;
    }

    /// <summary>Adds a binding.</summary>
    /// <param name="name">The name, without <c>$</c>.</param>
    /// <param name="value">The value; a <c>(expression)</c> string is evaluated.</param>
    /// <returns>This builder.</returns>
    public TestBuilder Bind(string name, Manifests.Yaml.YamlNode value)
    {
        _bindings.Add(new Binding(name, value));
        return this;
    }

    /// <summary>Builds the test.</summary>
    /// <returns>The test.</returns>
    public TestDefinition Build() => new(Name)
    {
        Steps = [.. _steps],
        Namespace = _namespace,
        ConcurrencyGroup = _group,
        Timeouts = _timeouts,
        Bindings = [.. _bindings],
    };
}

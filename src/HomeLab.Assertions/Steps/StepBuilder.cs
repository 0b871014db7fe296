namespace HomeLab.Assertions.Steps;

/// <summary>Builds a step: <c>s.Try(...).Catch(...).Finally(...).Cleanup(...)</c>. Each call appends.</summary>
public sealed class StepBuilder
{
    private readonly List<Operation> _try = [];
    private readonly List<Operation> _catch = [];
    private readonly List<Operation> _finally = [];
    private readonly List<Operation> _cleanup = [];
    private Timeouts? _timeouts;

    /// <summary>Creates a builder.</summary>
    /// <param name="name">The step's name.</param>
    public StepBuilder(string name) => Name = name;

    /// <summary>The step's name.</summary>
    public string Name { get; }

    /// <summary>Adds operations that make the step.</summary>
    /// <param name="operations">The operations.</param>
    /// <returns>This builder.</returns>
    public StepBuilder Try(params Operation[] operations) => Add(_try, operations);

    /// <summary>Adds operations run only when the try part failed.</summary>
    /// <param name="operations">The operations.</param>
    /// <returns>This builder.</returns>
    public StepBuilder Catch(params Operation[] operations) => Add(_catch, operations);

    /// <summary>Adds operations run after the try part whatever happened.</summary>
    /// <param name="operations">The operations.</param>
    /// <returns>This builder.</returns>
    public StepBuilder Finally(params Operation[] operations) => Add(_finally, operations);

    /// <summary>Adds operations run at the end of the test.</summary>
    /// <param name="operations">The operations.</param>
    /// <returns>This builder.</returns>
    public StepBuilder Cleanup(params Operation[] operations) => Add(_cleanup, operations);

    /// <summary>Sets the step's timeouts.</summary>
    /// <param name="timeouts">The timeouts.</param>
    /// <returns>This builder.</returns>
    public StepBuilder WithTimeouts(Timeouts timeouts)
    {
        _timeouts = timeouts;
        return this;
    }

    /// <summary>Builds the step.</summary>
    /// <returns>The step.</returns>
    public StepDefinition Build() => new(Name) { Try = [.. _try], Catch = [.. _catch], Finally = [.. _finally], Cleanup = [.. _cleanup], Timeouts = _timeouts };

    private StepBuilder Add(List<Operation> list, Operation[] operations)
    {
        list.AddRange(operations);
        return this;
    }
}

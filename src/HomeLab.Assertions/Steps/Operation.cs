using HomeLab.Assertions.Operations;
using HomeLab.Assertions.Sources;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Steps;

/// <summary>
/// One operation of a step. Which fields matter depends on <see cref="Kind"/>; build them with <see cref="Ops"/>
/// in C#, or load them from Chainsaw YAML.
/// </summary>
/// <param name="Kind">What the operation does.</param>
public sealed record Operation(OperationKind Kind)
{
    /// <summary>A description for reports.</summary>
    public string? Description { get; init; }

    /// <summary>Overrides the kind's timeout.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>A failure is reported but does not stop the step.</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>Resources (apply, create, patch, update) or assertion trees (assert, error), with their spans.</summary>
    public IReadOnlyList<YamlNode> Resources { get; init; } = [];

    /// <summary>The objects a delete, wait or collector targets.</summary>
    public ResourceQuery? Target { get; init; }

    /// <summary>What a wait waits for.</summary>
    public WaitCondition? Condition { get; init; }

    /// <summary>Any or all selected objects (assert, error).</summary>
    public CandidateMatch Match { get; init; } = CandidateMatch.Any;

    /// <summary>Whether an empty <c>~.</c> iteration passes (assert, error).</summary>
    public bool AllowEmptyIteration { get; init; }

    /// <summary>The program (command).</summary>
    public string? Entrypoint { get; init; }

    /// <summary>The program's arguments (command).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The script (script), run with <c>sh -c</c>.</summary>
    public string? Script { get; init; }

    /// <summary>Extra environment variables (command, script); values may be <c>(expressions)</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// An assertion tree over <c>{ stdout, stderr, exitCode, error }</c> (also bound as <c>$stdout</c>, <c>$stderr</c>,
    /// <c>$exitCode</c>, <c>$error</c>); when absent, the exit code must be 0.
    /// </summary>
    public YamlNode? Check { get; init; }

    /// <summary>The working directory (command, script); the test file's directory when loaded from YAML.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>How long to sleep (sleep).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The container (pod logs).</summary>
    public string? Container { get; init; }

    /// <summary>The last lines to keep (pod logs).</summary>
    public int? Tail { get; init; }

    /// <summary>yaml, json or null (get).</summary>
    public string? Format { get; init; }

    /// <summary>The code to run (code).</summary>
    public Func<OperationContext, Task>? Code { get; init; }

    /// <summary>Where the operation was written, when loaded from YAML.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>Files (or glob patterns) of resources, read when the operation runs (as Chainsaw does), relative paths already resolved.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Bindings of this operation only, evaluated when it runs.</summary>
    public IReadOnlyList<Binding> Bindings { get; init; } = [];

    /// <summary>Bindings the operation sets, once it has run, for the operations after it in the same step.</summary>
    public IReadOnlyList<Output> Outputs { get; init; } = [];

    /// <summary>Whether the operation gathers information rather than checking or changing anything.</summary>
    public bool IsCollector => Kind is OperationKind.PodLogs or OperationKind.Events or OperationKind.Get or OperationKind.Describe;
}

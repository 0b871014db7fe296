using HomeLab.Assertions.Operations;
using HomeLab.Assertions.Sources;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Steps;

/// <summary>Builds operations for steps written in C#: <c>Ops.Apply(yaml)</c>, <c>Ops.Assert(yaml)</c>, <c>Ops.Run(ctx =&gt; ...)</c>.</summary>
public static class Ops
{
    /// <summary>Server-side applies the resources in the YAML (<c>(expressions)</c> in values are evaluated).</summary>
    /// <param name="yaml">One or more resources.</param>
    /// <returns>The operation.</returns>
    public static Operation Apply(string yaml) => new(OperationKind.Apply) { Resources = Documents(yaml) };

    /// <summary>Creates the resources in the YAML.</summary>
    /// <param name="yaml">One or more resources.</param>
    /// <returns>The operation.</returns>
    public static Operation Create(string yaml) => new(OperationKind.Create) { Resources = Documents(yaml) };

    /// <summary>Merge-patches the resources in the YAML.</summary>
    /// <param name="yaml">One or more partial resources.</param>
    /// <returns>The operation.</returns>
    public static Operation Patch(string yaml) => new(OperationKind.Patch) { Resources = Documents(yaml) };

    /// <summary>Replaces the resources in the YAML.</summary>
    /// <param name="yaml">One or more resources.</param>
    /// <returns>The operation.</returns>
    public static Operation Update(string yaml) => new(OperationKind.Update) { Resources = Documents(yaml) };

    /// <summary>Deletes objects and waits until they are gone.</summary>
    /// <param name="target">The objects; a null namespace means the test's.</param>
    /// <returns>The operation.</returns>
    public static Operation Delete(ResourceQuery target) => new(OperationKind.Delete) { Target = target };

    /// <summary>Waits until the assertion trees hold.</summary>
    /// <param name="yaml">One or more trees.</param>
    /// <param name="match">Any or all selected objects.</param>
    /// <returns>The operation.</returns>
    public static Operation Assert(string yaml, CandidateMatch match = CandidateMatch.Any) =>
        new(OperationKind.Assert) { Resources = Documents(yaml), Match = match };

    /// <summary>Waits until the assertion trees do not hold.</summary>
    /// <param name="yaml">One or more trees.</param>
    /// <returns>The operation.</returns>
    public static Operation Error(string yaml) => new(OperationKind.Error) { Resources = Documents(yaml) };

    /// <summary>Waits for a condition.</summary>
    /// <param name="target">The objects.</param>
    /// <param name="condition">The condition.</param>
    /// <returns>The operation.</returns>
    public static Operation Wait(ResourceQuery target, WaitCondition condition) => new(OperationKind.Wait) { Target = target, Condition = condition };

    /// <summary>Runs a program; it must exit 0.</summary>
    /// <param name="entrypoint">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>The operation.</returns>
    public static Operation Command(string entrypoint, params string[] arguments) =>
        new(OperationKind.Command) { Entrypoint = entrypoint, Arguments = arguments };

    /// <summary>Runs a shell script; it must exit 0. <c>$NAMESPACE</c> is the test's namespace.</summary>
    /// <param name="script">The script.</param>
    /// <returns>The operation.</returns>
    public static Operation Script(string script) => new(OperationKind.Script) { Script = script };

    /// <summary>Waits a fixed time (on the runner's clock).</summary>
    /// <param name="duration">How long.</param>
    /// <returns>The operation.</returns>
    public static Operation Sleep(TimeSpan duration) => new(OperationKind.Sleep) { Duration = duration };

    /// <summary>Collects pod logs.</summary>
    /// <param name="target">The pods (kind Pod).</param>
    /// <returns>The operation.</returns>
    public static Operation PodLogs(ResourceQuery target) => new(OperationKind.PodLogs) { Target = target };

    /// <summary>Collects the events of the test's namespace.</summary>
    /// <returns>The operation.</returns>
    public static Operation Events() => new(OperationKind.Events);

    /// <summary>Collects objects as text.</summary>
    /// <param name="target">The objects.</param>
    /// <param name="format">yaml, json or null.</param>
    /// <returns>The operation.</returns>
    public static Operation Get(ResourceQuery target, string? format = "yaml") => new(OperationKind.Get) { Target = target, Format = format };

    /// <summary>Collects descriptions of objects.</summary>
    /// <param name="target">The objects.</param>
    /// <returns>The operation.</returns>
    public static Operation Describe(ResourceQuery target) => new(OperationKind.Describe) { Target = target };

    /// <summary>Runs C# code; an exception fails the operation.</summary>
    /// <param name="code">The code.</param>
    /// <param name="description">What it does, for reports.</param>
    /// <returns>The operation.</returns>
    public static Operation Run(Func<OperationContext, Task> code, string description = "code") =>
        new(OperationKind.Code) { Code = code, Description = description };

    private static IReadOnlyList<YamlNode> Documents(string yaml)
    {
        var result = YamlLoader.Default.LoadString(yaml, "inline");
        if (result.HasErrors)
        {
            throw new Trees.AssertionSyntaxException(result.Findings[0].Span ?? SourceSpan.None, result.Findings[0].Message);
        }

        return result.Documents.Select(d => d.Root).ToList();
    }
}

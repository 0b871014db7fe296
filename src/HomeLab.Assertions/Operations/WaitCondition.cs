namespace HomeLab.Assertions.Operations;

/// <summary>What a Wait operation waits for, as <c>kubectl wait --for</c> (and Chainsaw's <c>wait.for</c>) say it.</summary>
/// <param name="Kind">The kind of condition.</param>
/// <param name="Name">The condition type (<see cref="WaitConditionKind.Condition"/>) or the JSONPath (<see cref="WaitConditionKind.JsonPath"/>).</param>
/// <param name="Value">The expected value; null means <c>True</c> for a condition.</param>
public sealed record WaitCondition(WaitConditionKind Kind, string? Name = null, string? Value = null)
{
    /// <summary>Waits for a status condition, e.g. <c>WaitCondition.ForCondition("Available")</c>.</summary>
    /// <param name="type">The condition type.</param>
    /// <param name="status">The expected status; True when null.</param>
    /// <returns>The condition.</returns>
    public static WaitCondition ForCondition(string type, string? status = null) => new(WaitConditionKind.Condition, type, status);

    /// <summary>Waits for a JSONPath value, e.g. <c>WaitCondition.ForJsonPath("{.status.phase}", "Running")</c>.</summary>
    /// <param name="path">The JSONPath.</param>
    /// <param name="value">The expected value.</param>
    /// <returns>The condition.</returns>
    public static WaitCondition ForJsonPath(string path, string value) => new(WaitConditionKind.JsonPath, path, value);

    /// <summary>Waits until the objects are deleted.</summary>
    public static WaitCondition Deleted { get; } = new(WaitConditionKind.Deletion);
}

namespace HomeLab.Assertions.Operations;

/// <summary>What a <see cref="WaitCondition"/> waits for.</summary>
public enum WaitConditionKind
{
    /// <summary>A status condition (<c>status.conditions[type=Name].status == Value</c>), e.g. Ready=True.</summary>
    Condition,

    /// <summary>A JSONPath expression (<c>{.status.phase}</c>) equal to a value.</summary>
    JsonPath,

    /// <summary>The objects are gone.</summary>
    Deletion,
}

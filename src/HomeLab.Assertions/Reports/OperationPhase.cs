namespace HomeLab.Assertions.Reports;

/// <summary>Which part of a step an operation ran in.</summary>
public enum OperationPhase
{
    /// <summary>The step's try.</summary>
    Try,

    /// <summary>The step's catch (after a failure).</summary>
    Catch,

    /// <summary>The step's finally.</summary>
    Finally,

    /// <summary>The test's clean-up (step clean-ups and deletion of created objects).</summary>
    Cleanup,
}

namespace HomeLab.Manifests.Lint;

/// <summary>What a <see cref="BudgetCeiling"/> caps: a sum over every container of a group, times its replicas.</summary>
public enum BudgetMeasure
{
    /// <summary>The sum of <c>resources.limits.memory</c>, in bytes.</summary>
    MemoryLimits,

    /// <summary>The sum of <c>resources.limits.cpu</c>, in cores.</summary>
    CpuLimits,

    /// <summary>The sum of <c>resources.requests.memory</c>, in bytes.</summary>
    MemoryRequests,

    /// <summary>The sum of <c>resources.requests.cpu</c>, in cores.</summary>
    CpuRequests,
}

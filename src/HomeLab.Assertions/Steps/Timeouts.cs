namespace HomeLab.Assertions.Steps;

/// <summary>Timeouts per operation kind; null fields inherit from the enclosing level (run, test, step).</summary>
/// <param name="Apply">Apply, create, patch, update.</param>
/// <param name="Assert">Assert and wait.</param>
/// <param name="Cleanup">Each clean-up operation.</param>
/// <param name="Delete">Delete, including waiting until gone.</param>
/// <param name="Error">Error.</param>
/// <param name="Exec">Command, script and collectors.</param>
public sealed record Timeouts(
    TimeSpan? Apply = null,
    TimeSpan? Assert = null,
    TimeSpan? Cleanup = null,
    TimeSpan? Delete = null,
    TimeSpan? Error = null,
    TimeSpan? Exec = null)
{
    /// <summary>Chainsaw's defaults: apply 5 s, assert 30 s, cleanup 30 s, delete 15 s, error 30 s, exec 5 s.</summary>
    public static Timeouts ChainsawDefaults { get; } = new(
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30),
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));

    /// <summary>These timeouts with the non-null fields of a more specific level laid over them.</summary>
    /// <param name="over">The more specific level, or null.</param>
    /// <returns>The combined timeouts.</returns>
    public Timeouts With(Timeouts? over) => over is null ? this : new(
        over.Apply ?? Apply, over.Assert ?? Assert, over.Cleanup ?? Cleanup,
        over.Delete ?? Delete, over.Error ?? Error, over.Exec ?? Exec);

    /// <summary>The timeout for an operation kind (Wait uses Assert; collectors use Exec; Sleep and Code have none here).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The timeout, or null for none.</returns>
    public TimeSpan? For(OperationKind kind) => kind switch
    {
        OperationKind.Apply or OperationKind.Create or OperationKind.Patch or OperationKind.Update => Apply,
        OperationKind.Assert or OperationKind.Wait => Assert,
        OperationKind.Delete => Delete,
        OperationKind.Error => Error,
        OperationKind.Command or OperationKind.Script or OperationKind.PodLogs or OperationKind.Events
            or OperationKind.Get or OperationKind.Describe => Exec,
        OperationKind.Code => Assert,
        _ => null,
    };
}

namespace HomeLab.Pipeline.Updates;

/// <summary>What <see cref="UpdateVerification"/> found: the affected Applications, what each environment rendered, the budgets that moved.</summary>
/// <param name="Updates">The affected Applications with their changes and findings.</param>
/// <param name="Environments">What each environment rendered and left out.</param>
/// <param name="Budgets">The budget caps whose limit or sum differs between base and head.</param>
public sealed record UpdateVerificationResult(IReadOnlyList<ApplicationUpdate> Updates, IReadOnlyList<EnvironmentScope> Environments, IReadOnlyList<BudgetChange> Budgets)
{
    /// <summary>Whether anything fails the verification.</summary>
    public bool Fails => Updates.Any(u => u.Fails);
}

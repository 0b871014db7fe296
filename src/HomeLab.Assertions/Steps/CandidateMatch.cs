namespace HomeLab.Assertions.Steps;

/// <summary>
/// When an assertion without a name selects several objects, whether one matching object is enough or all
/// must match. Chainsaw only has "any" and says nothing about it (kyverno/chainsaw#113); here it is explicit
/// and the report says which was used.
/// </summary>
public enum CandidateMatch
{
    /// <summary>At least one selected object matches (Chainsaw's behaviour; for Error: no selected object matches).</summary>
    Any,

    /// <summary>Every selected object matches (for Error: not every selected object matches).</summary>
    All,
}

using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Validation;

/// <summary>What validation found, and how many objects it could check against a schema.</summary>
public sealed class ValidationResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="findings">The findings, in object order.</param>
    /// <param name="validatedCount">Objects checked against a schema.</param>
    /// <param name="unvalidatedCount">Objects no schema describes.</param>
    /// <param name="unvalidatedKinds">The kinds of the objects no schema describes, such as <c>example.com/v1 Widget</c>.</param>
    public ValidationResult(IReadOnlyList<Finding> findings, int validatedCount, int unvalidatedCount, IReadOnlyList<string> unvalidatedKinds)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(unvalidatedKinds);
        Findings = findings;
        ValidatedCount = validatedCount;
        UnvalidatedCount = unvalidatedCount;
        UnvalidatedKinds = unvalidatedKinds;
        foreach (var finding in findings)
        {
            switch (finding.Severity)
            {
                case Severity.Error:
                    ErrorCount++;
                    break;
                case Severity.Warning:
                    WarningCount++;
                    break;
                default:
                    InfoCount++;
                    break;
            }
        }
    }

    /// <summary>The findings, in the order of the objects, then of the fields within each object.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>How many objects were checked against a schema.</summary>
    public int ValidatedCount { get; }

    /// <summary>How many objects no schema describes (custom resources whose CRD is not known).</summary>
    public int UnvalidatedCount { get; }

    /// <summary>The distinct kinds of the objects no schema describes, such as <c>example.com/v1 Widget</c>, sorted.</summary>
    public IReadOnlyList<string> UnvalidatedKinds { get; }

    /// <summary>How many findings are errors.</summary>
    public int ErrorCount { get; }

    /// <summary>How many findings are warnings.</summary>
    public int WarningCount { get; }

    /// <summary>How many findings are information.</summary>
    public int InfoCount { get; }

    /// <summary>Whether any finding is an error.</summary>
    public bool HasErrors => ErrorCount > 0;
}

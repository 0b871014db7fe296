namespace HomeLab.Assertions.Trees;

/// <summary>What kind of mismatch a <see cref="FieldError"/> reports (the words follow Kubernetes' field errors, as Chainsaw prints them).</summary>
public enum FieldErrorType
{
    /// <summary>The asserted field is missing: <c>Required value</c>.</summary>
    Required,

    /// <summary>The field has another value or type: <c>Invalid value</c>.</summary>
    Invalid,

    /// <summary>No element of an array matches an expected element (<c>@contains</c>, <c>@any-order</c>): <c>Not found</c>.</summary>
    NotFound,

    /// <summary>A JMESPath expression failed to evaluate: <c>Expression error</c>.</summary>
    Expression,

    /// <summary>A <c>~.</c> iteration had nothing to iterate, so its subtree checked nothing: <c>Vacuous</c>.</summary>
    Vacuous,
}

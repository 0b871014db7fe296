namespace HomeLab.Assertions.Trees;

/// <summary>
/// How an expected array matches an actual one. In YAML a key suffix chooses it:
/// <c>containers@contains:</c>, <c>args@any-order:</c>, <c>ports@exact:</c> (the default, Chainsaw's only mode).
/// </summary>
public enum ArrayMatchMode
{
    /// <summary>Same length, element i matches element i (partially, as maps do).</summary>
    Exact,

    /// <summary>Every expected element matches a different actual element; other actual elements are fine.</summary>
    Contains,

    /// <summary>Same length, and every expected element matches a different actual element, in any order.</summary>
    AnyOrder,
}

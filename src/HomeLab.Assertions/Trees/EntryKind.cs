namespace HomeLab.Assertions.Trees;

/// <summary>How a map key selects the value its subtree checks.</summary>
internal enum EntryKind
{
    /// <summary>A field of the actual map.</summary>
    Field,

    /// <summary><c>(expression)</c>: the expression's result over the actual map.</summary>
    Projection,

    /// <summary><c>~name.(expression)</c> or <c>~.field</c>: every element of the result.</summary>
    Iteration,
}

using HomeLab.Assertions.Expressions;

namespace HomeLab.Assertions.Trees;

/// <summary>How a tree is evaluated: bindings, the expression context, and whether empty iterations pass.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The defaults: no bindings, <see cref="ExpressionContext.Default"/>, empty iterations fail.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>The values <c>($name)</c> references resolve to.</summary>
    public Bindings Bindings { get; init; } = Bindings.Empty;

    /// <summary>The source, clock and environment expression functions use.</summary>
    public ExpressionContext Context { get; init; } = ExpressionContext.Default;

    /// <summary>
    /// Whether a <c>~.</c> iteration over nothing passes. False by default: Chainsaw passes it silently
    /// (kyverno/chainsaw#955), which hides typos in the iterated expression. A key can allow it alone with
    /// the suffix <c>@allow-empty</c>.
    /// </summary>
    public bool AllowEmptyIteration { get; init; }

    /// <summary>Whether to render a diff for a failed match (off in tight loops that only need the verdict).</summary>
    public bool RenderDiff { get; init; } = true;
}

using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions;

/// <summary>An expression of a tree, whichever compiler (<c>jp</c>, <c>cel</c>) parsed it.</summary>
internal interface IExpression
{
    /// <summary>The statement as written, without parentheses or compiler prefix.</summary>
    string Text { get; }

    /// <summary>Evaluates the statement with <paramref name="input"/> as the current value.</summary>
    /// <exception cref="ExpressionException">Evaluation failed.</exception>
    JToken Evaluate(JToken? input, Bindings? bindings = null, ExpressionContext? context = null);
}

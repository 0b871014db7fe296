using DevLab.JmesPath.Interop;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions;

/// <summary>
/// The bindings and context of the evaluation running on this thread. JmesPath.Net resolves <c>$name</c>
/// and calls functions synchronously on the evaluating thread, so a thread-static is enough and lets one
/// parsed expression serve every thread and every binding set.
/// </summary>
internal static class EvaluationScope
{
    [ThreadStatic]
    private static Bindings? t_bindings;

    [ThreadStatic]
    private static ExpressionContext? t_context;

    public static Bindings Bindings => t_bindings ?? Bindings.Empty;

    public static ExpressionContext Context => t_context ?? ExpressionContext.Default;

    public static (Bindings? Bindings, ExpressionContext? Context) Enter(Bindings bindings, ExpressionContext context)
    {
        var previous = (t_bindings, t_context);
        t_bindings = bindings;
        t_context = context;
        return previous;
    }

    public static void Exit((Bindings? Bindings, ExpressionContext? Context) previous)
    {
        t_bindings = previous.Bindings;
        t_context = previous.Context;
    }

    /// <summary>Resolves <c>$name</c>: our bindings first, then the expression's own <c>let</c> scopes.</summary>
    internal sealed class Evaluator(IContextEvaluator? inner) : IContextEvaluator
    {
        public JToken Root => inner?.Root ?? JValue.CreateNull();

        public JToken Evaluate(string name)
        {
            if (Bindings.TryGet(name, out var value))
            {
                return value;
            }

            if (inner is not null)
            {
                return inner.Evaluate(name);
            }

            throw new ExpressionException($"the variable '{name}' is not defined");
        }
    }
}

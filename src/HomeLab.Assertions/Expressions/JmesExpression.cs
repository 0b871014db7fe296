using System.Collections.Concurrent;
using DevLab.JmesPath;
using DevLab.JmesPath.Expressions;
using DevLab.JmesPath.Interop;
using HomeLab.Assertions.Expressions.Functions;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions;

/// <summary>
/// A parsed JMESPath expression with Chainsaw's functions, parsed once and evaluated many times from any
/// thread. <c>$name</c> references resolve against the <see cref="Bindings"/> passed to
/// <see cref="Evaluate"/> (a <c>let</c> inside the expression cannot shadow an outer binding of the same name).
/// </summary>
public sealed class JmesExpression : IExpression
{
    private static readonly ConcurrentDictionary<string, JmesExpression> s_cache = new(StringComparer.Ordinal);
    private static readonly Lock s_parseLock = new();
    private static readonly JmesPath s_jmesPath = CreateJmesPath();

    private readonly JmesPathExpression _expression;

    private JmesExpression(string text, JmesPathExpression expression)
    {
        Text = text;
        _expression = expression;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The names of the functions available to expressions, standard and Chainsaw's.</summary>
    public static IReadOnlyCollection<string> FunctionNames { get; } = [.. ((IFunctionRepository)s_jmesPath.FunctionRepository).Names.Order(StringComparer.Ordinal)];

    /// <summary>Parses an expression, or returns the one parsed before from the same text.</summary>
    /// <param name="text">The JMESPath text, without surrounding parentheses.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ExpressionException">The text is not valid JMESPath.</exception>
    public static JmesExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (s_cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        JmesPathExpression parsed;
        try
        {
            // The parser keeps state in the shared JmesPath instance.
            lock (s_parseLock)
            {
                parsed = s_jmesPath.Parse(text);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ExpressionException($"cannot parse JMESPath '{text}': {Clean(ex.Message)}", ex);
        }

        parsed.Accept(new BindingVisitor());
        return s_cache.GetOrAdd(text, new JmesExpression(text, parsed));
    }

    /// <summary>Evaluates the expression.</summary>
    /// <param name="input">The current value (<c>@</c>); null is JSON null.</param>
    /// <param name="bindings">The values <c>$name</c> references resolve to.</param>
    /// <param name="context">The source, clock and environment functions use.</param>
    /// <returns>The result; JSON null rather than a null reference.</returns>
    /// <exception cref="ExpressionException">Evaluation failed (a type error, an unknown function or variable).</exception>
    public JToken Evaluate(JToken? input, Bindings? bindings = null, ExpressionContext? context = null)
    {
        var previous = EvaluationScope.Enter(bindings ?? Bindings.Empty, context ?? ExpressionContext.Default);
        try
        {
            var result = _expression.Transform(new JmesPathArgument(input ?? JValue.CreateNull()));
            return result.AsJToken() ?? JValue.CreateNull();
        }
        catch (ExpressionException ex)
        {
            throw new ExpressionException($"({Text}): {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            throw new ExpressionException($"({Text}): {Clean(ex.Message)}", ex);
        }
        finally
        {
            EvaluationScope.Exit(previous);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static string Clean(string message) => message.StartsWith("Error: ", StringComparison.Ordinal) ? message[7..] : message;

    private static JmesPath CreateJmesPath()
    {
        var jmesPath = new JmesPath();
        ChainsawFunctions.Register(jmesPath.FunctionRepository);
        return jmesPath;
    }

    private sealed class BindingVisitor : IVisitor
    {
        public void Visit(JmesPathExpression expression)
        {
            if (expression is IContextHolder holder and JmesPathVariableReference && holder.Evaluator is not EvaluationScope.Evaluator)
            {
                holder.Evaluator = new EvaluationScope.Evaluator(holder.Evaluator);
            }
        }
    }
}

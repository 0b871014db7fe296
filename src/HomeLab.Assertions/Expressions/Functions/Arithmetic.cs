using k8s.Models;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>
/// kyverno's arithmetic (<c>add</c>, <c>subtract</c>, <c>multiply</c>, <c>divide</c>, <c>modulo</c>, <c>sum</c>):
/// each operand is a number, a Kubernetes quantity (<c>'1Mi'</c>) or a Go duration (<c>'1h'</c>), and the
/// kinds combine as kyverno's table says (quantity + quantity is a quantity, duration / duration a number, …).
/// </summary>
internal static class Arithmetic
{
    private enum Kind
    {
        Scalar,
        Quantity,
        Duration,
    }

    public static JToken Add(string function, JToken left, JToken right)
    {
        var (a, b) = (Operand(function, left), Operand(function, right));
        return (a.Kind, b.Kind) switch
        {
            (Kind.Scalar, Kind.Scalar) => YamlJson.Number((double)(a.Value + b.Value)),
            (Kind.Quantity, Kind.Quantity) => Quantity(a.Value + b.Value, a.Format),
            (Kind.Duration, Kind.Duration) => Duration(a.Value + b.Value),
            _ => throw Mismatch(function),
        };
    }

    public static JToken Subtract(JToken left, JToken right)
    {
        var (a, b) = (Operand("subtract", left), Operand("subtract", right));
        return (a.Kind, b.Kind) switch
        {
            (Kind.Scalar, Kind.Scalar) => YamlJson.Number((double)(a.Value - b.Value)),
            (Kind.Quantity, Kind.Quantity) => Quantity(a.Value - b.Value, a.Format),
            (Kind.Duration, Kind.Duration) => Duration(a.Value - b.Value),
            _ => throw Mismatch("subtract"),
        };
    }

    public static JToken Multiply(JToken left, JToken right)
    {
        var (a, b) = (Operand("multiply", left), Operand("multiply", right));
        return (a.Kind, b.Kind) switch
        {
            (Kind.Scalar, Kind.Scalar) => YamlJson.Number((double)a.Value * (double)b.Value),
            (Kind.Quantity, Kind.Scalar) => Quantity(a.Value * b.Value, a.Format),
            (Kind.Scalar, Kind.Quantity) => Quantity(a.Value * b.Value, b.Format),
            (Kind.Duration, Kind.Scalar) => Duration(a.Value * b.Value),
            (Kind.Scalar, Kind.Duration) => Duration(a.Value * b.Value),
            _ => throw Mismatch("multiply"),
        };
    }

    public static JToken Divide(JToken left, JToken right)
    {
        var (a, b) = (Operand("divide", left), Operand("divide", right));
        if (b.Value == 0)
        {
            throw new ExpressionException("divide: division by zero");
        }

        return (a.Kind, b.Kind) switch
        {
            (Kind.Scalar, Kind.Scalar) => YamlJson.Number((double)a.Value / (double)b.Value),
            (Kind.Quantity, Kind.Quantity) or (Kind.Duration, Kind.Duration) => YamlJson.Number((double)a.Value / (double)b.Value),
            (Kind.Quantity, Kind.Scalar) => Quantity(a.Value / b.Value, a.Format),
            (Kind.Duration, Kind.Scalar) => Duration(a.Value / b.Value),
            _ => throw Mismatch("divide"),
        };
    }

    public static JToken Modulo(JToken left, JToken right)
    {
        var (a, b) = (Operand("modulo", left), Operand("modulo", right));
        if (a.Kind != b.Kind)
        {
            throw Mismatch("modulo");
        }

        if (a.Kind != Kind.Duration && (a.Value != decimal.Truncate(a.Value) || b.Value != decimal.Truncate(b.Value)))
        {
            throw new ExpressionException("modulo: both operands must be integers");
        }

        if (b.Value == 0)
        {
            throw new ExpressionException("modulo: division by zero");
        }

        return a.Kind switch
        {
            Kind.Scalar => YamlJson.Number((double)(a.Value % b.Value)),
            Kind.Quantity => Quantity(a.Value % b.Value, a.Format),
            _ => Duration(a.Value % b.Value),
        };
    }

    /// <summary>kyverno's <c>sum</c>: numbers, quantities or durations, all of one kind, at least one.</summary>
    public static JToken Sum(JArray items)
    {
        if (items.Count == 0)
        {
            throw new ExpressionException("sum: at least one element in the array is required");
        }

        var total = items[0];
        for (var i = 1; i < items.Count; i++)
        {
            total = Add("sum", total, items[i]);
        }

        // A single element still comes back in its kind's canonical form.
        return items.Count == 1 ? Add("sum", total, Zero(Operand("sum", total))) : total;
    }

    private static JToken Zero((Kind Kind, decimal Value, ResourceQuantity.SuffixFormat Format) operand) => operand.Kind switch
    {
        Kind.Scalar => new JValue(0),
        Kind.Quantity => new JValue("0"),
        _ => new JValue("0s"),
    };

    private static (Kind Kind, decimal Value, ResourceQuantity.SuffixFormat Format) Operand(string function, JToken token)
    {
        if (token.Type is JTokenType.Integer or JTokenType.Float)
        {
            return (Kind.Scalar, (decimal)(double)token, ResourceQuantity.SuffixFormat.DecimalSI);
        }

        if (token.Type == JTokenType.String)
        {
            var text = (string)token!;
            if (TryQuantity(text, out var quantity))
            {
                return (Kind.Quantity, quantity.ToDecimal(), quantity.Format);
            }

            if (GoDuration.TryParse(text, out var duration))
            {
                return (Kind.Duration, duration.Ticks, ResourceQuantity.SuffixFormat.DecimalSI);
            }
        }

        throw new ExpressionException($"{function}: invalid operands ('{YamlJson.Display(token)}' is not a number, a quantity or a duration)");
    }

    private static bool TryQuantity(string text, out ResourceQuantity quantity)
    {
        quantity = null!;
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] is '+' or '-' or '.'))
        {
            return false;
        }

        try
        {
            quantity = new ResourceQuantity(text);
            quantity.ToDecimal();
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            return false;
        }
    }

    private static JValue Quantity(decimal value, ResourceQuantity.SuffixFormat format) =>
        new(new ResourceQuantity(value, 0, format).CanonicalizeString());

    private static JValue Duration(decimal ticks) => new(GoDuration.Format(TimeSpan.FromTicks((long)decimal.Truncate(ticks))));

    private static ExpressionException Mismatch(string function) => new($"{function}: the operands' types do not match (a number, a quantity and a duration combine only as kyverno allows)");
}

using DevLab.JmesPath.Functions;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>A function added to JMESPath; argument checks produce messages that name the function.</summary>
internal abstract class ChainsawFunction : JmesPathFunction
{
    private readonly int _minArgs;
    private readonly int _maxArgs;

    protected ChainsawFunction(string name, int minArgs, int maxArgs)
        : base(name, minArgs, maxArgs)
    {
        _minArgs = minArgs;
        _maxArgs = maxArgs;
    }

    public override JToken Execute(params JmesPathFunctionArgument[] args)
    {
        if (args.Length < _minArgs || args.Length > _maxArgs)
        {
            throw new ExpressionException($"{Name} expects {_minArgs}{(_maxArgs != _minArgs ? $" to {_maxArgs}" : string.Empty)} arguments, got {args.Length}");
        }

        // Go's JMESPath keeps every number a float64 and prints 3.0 as 3: integral numbers are integers here.
        var tokens = args.Select(a => a.Token is JValue { Type: JTokenType.Float } f ? YamlJson.Number((double)f) : a.Token ?? JValue.CreateNull()).ToArray();
        return Run(tokens, args);
    }

    public override void Validate(params JmesPathFunctionArgument[] args)
    {
    }

    /// <summary>Runs the function on its arguments as values (<paramref name="raw"/> keeps expression-type ones such as <c>&amp;name</c>).</summary>
    protected abstract JToken Run(JToken[] args, JmesPathFunctionArgument[] raw);

    protected string Text(JToken[] args, int index)
    {
        var token = args[index];
        return token.Type switch
        {
            JTokenType.String => (string)token!,
            _ => throw new ExpressionException($"{Name} expects argument {index + 1} to be a string, got {TypeName(token)}"),
        };
    }

    protected string TextOrNumber(JToken[] args, int index)
    {
        var token = args[index];
        return token.Type is JTokenType.Integer or JTokenType.Float ? YamlJson.Display(token) : Text(args, index);
    }

    protected static string TypeName(JToken token) => token.Type switch
    {
        JTokenType.Object => "object",
        JTokenType.Array => "array",
        JTokenType.String => "string",
        JTokenType.Integer or JTokenType.Float => "number",
        JTokenType.Boolean => "boolean",
        _ => "null",
    };
}

using DevLab.JmesPath.Functions;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>A function whose body is a delegate over the checked arguments.</summary>
internal sealed class DelegateFunction : ChainsawFunction
{
    private readonly Func<DelegateFunction, JToken[], JmesPathFunctionArgument[], JToken> _body;

    public DelegateFunction(string name, int minArgs, int maxArgs, Func<DelegateFunction, JToken[], JToken> body)
        : this(name, minArgs, maxArgs, (f, a, _) => body(f, a))
    {
    }

    public DelegateFunction(string name, int minArgs, int maxArgs, Func<DelegateFunction, JToken[], JmesPathFunctionArgument[], JToken> body)
        : base(name, minArgs, maxArgs) => _body = body;

    public string String(JToken[] args, int index) => Text(args, index);

    public string StringOrNumber(JToken[] args, int index) => TextOrNumber(args, index);

    protected override JToken Run(JToken[] args, JmesPathFunctionArgument[] raw) => _body(this, args, raw);
}

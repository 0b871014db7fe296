using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>A function whose body is a delegate over the checked arguments.</summary>
internal sealed class DelegateFunction(string name, int minArgs, int maxArgs, Func<DelegateFunction, JToken[], JToken> body)
    : ChainsawFunction(name, minArgs, maxArgs)
{
    public string String(JToken[] args, int index) => Text(args, index);

    public string StringOrNumber(JToken[] args, int index) => TextOrNumber(args, index);

    protected override JToken Run(JToken[] args) => body(this, args);
}

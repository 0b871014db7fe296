using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions;

/// <summary>
/// Named values expressions can reference as <c>$name</c>: an immutable chain of scopes, so a subtree can
/// add a binding without its siblings seeing it. A later binding of the same name shadows an earlier one.
/// </summary>
public sealed class Bindings
{
    private readonly Bindings? _parent;
    private readonly string? _name;
    private readonly JToken? _value;

    private Bindings(Bindings? parent, string? name, JToken? value)
    {
        _parent = parent;
        _name = name;
        _value = value;
    }

    /// <summary>No bindings.</summary>
    public static Bindings Empty { get; } = new(null, null, null);

    /// <summary>
    /// Chainsaw's built-in bindings, bound to the source in use: <c>$client</c> and <c>$config</c> (what the
    /// <c>x_k8s_*</c> functions take as first argument; they read the evaluation's source whatever is passed),
    /// <c>$namespace</c> and <c>$values</c>.
    /// </summary>
    /// <param name="sourceDescription">What the source is: <c>rendered manifests</c>, <c>cluster k3d-homelab</c>.</param>
    /// <param name="namespace">The namespace trees default to.</param>
    /// <returns>These bindings plus the built-in ones.</returns>
    public Bindings WithBuiltIns(string sourceDescription, string? @namespace)
    {
        var client = new JObject { ["source"] = sourceDescription };
        return With("client", client).With("config", client.DeepClone()).With("namespace", @namespace).With("values", new JObject());
    }

    /// <summary>Returns these bindings plus one more.</summary>
    /// <param name="name">The name, with or without the leading <c>$</c>.</param>
    /// <param name="value">The value; null is JSON null.</param>
    /// <returns>The new bindings.</returns>
    public Bindings With(string name, JToken? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new Bindings(this, name.TrimStart('$'), value ?? JValue.CreateNull());
    }

    /// <summary>Looks a binding up, innermost first.</summary>
    /// <param name="name">The name, with or without the leading <c>$</c>.</param>
    /// <param name="value">The value when found.</param>
    /// <returns>Whether the name is bound.</returns>
    public bool TryGet(string name, out JToken value)
    {
        var key = name.StartsWith('$') ? name.AsSpan(1) : name.AsSpan();
        for (var scope = this; scope._name is not null; scope = scope._parent!)
        {
            if (key.SequenceEqual(scope._name))
            {
                value = scope._value!;
                return true;
            }
        }

        value = JValue.CreateNull();
        return false;
    }

    /// <summary>The bound names, innermost first, each once.</summary>
    public IEnumerable<string> Names
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var scope = this; scope._name is not null; scope = scope._parent!)
            {
                if (seen.Add(scope._name))
                {
                    yield return scope._name;
                }
            }
        }
    }
}

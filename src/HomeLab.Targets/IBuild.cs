using System.Linq.Expressions;

namespace HomeLab.Targets;

/// <summary>What a component (an interface with default <see cref="Target"/> members) can ask of the build it joins.</summary>
public interface IBuild
{
    /// <summary>The repository root.</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary><c>.nuke/temp</c> under the root.</summary>
    AbsolutePath TemporaryDirectory { get; }

    /// <summary>True on a CI server.</summary>
    bool IsServerBuild { get; }

    /// <summary>
    /// The value bound to a parameter a component declares, as NUKE's components read theirs:
    /// <c>[Parameter("…")] string? KubeContext =&gt; TryGetValue(() =&gt; KubeContext);</c>, and for a default,
    /// <c>int Runs =&gt; TryGetValue&lt;int?&gt;(() =&gt; Runs) ?? 10;</c>.
    /// </summary>
    /// <typeparam name="T">The parameter's type (nullable, so that "not given" is <c>null</c>).</typeparam>
    /// <param name="parameter">The parameter property, as <c>() =&gt; Name</c>.</param>
    /// <returns>The bound value, or <c>default</c> when no source gave one.</returns>
    T? TryGetValue<T>(Expression<Func<T>> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var body = parameter.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : parameter.Body;
        var member = (body as MemberExpression)?.Member
            ?? throw new TargetDefinitionException("TryGetValue takes the parameter property itself, as () => Name.");
        return this is BuildBase build && build.ComponentParameterValues.TryGetValue(BuildParameter.ComponentParameterKey(member), out var value) && value is T typed
            ? typed
            : default;
    }
}

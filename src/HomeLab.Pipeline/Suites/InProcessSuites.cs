using System.Reflection;
using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Rendering;

namespace HomeLab.Pipeline.Suites;

/// <summary>
/// Runs the stack's xunit suites inside the build, against the sets Render already produced: no child
/// <c>dotnet test</c>, no second render. It discovers <c>[Fact]</c>/<c>[Theory]</c> methods (and attributes derived
/// from them) by their xunit names, so the build needs no xunit itself; the same classes still run under
/// <c>dotnet test</c>. A fixture type with a public static <c>FromRendered(string, EnvironmentCatalog,
/// IReadOnlyDictionary&lt;string, RenderedSet&gt;)</c> is built from the build's sets; a test whose fixture renders on
/// its own (e.g. from a recorded upstream corpus) would be a second render, so it is reported as skipped here and runs
/// under <c>dotnet test</c>.
/// </summary>
/// <param name="root">The repository root.</param>
/// <param name="catalog">The environments.</param>
/// <param name="sets">What Render produced, by environment name.</param>
public sealed class InProcessSuites(string root, EnvironmentCatalog catalog, IReadOnlyDictionary<string, RenderedSet> sets)
{
    private const string Xunit = "Xunit.";
    private readonly Dictionary<Type, object> fixtures = [];

    /// <summary>Runs the tests of an assembly whose trait <c>tier</c> is <paramref name="tier"/>.</summary>
    /// <param name="assembly">The suites' assembly.</param>
    /// <param name="tier">The value of the <c>tier</c> trait a test (or its class) must carry.</param>
    /// <param name="nameContains">Text the test's full name must contain; null for any.</param>
    /// <param name="cancellationToken">Stops between tests.</param>
    /// <returns>One outcome per test case, in discovery order.</returns>
    public async Task<IReadOnlyList<SuiteOutcome>> RunAsync(Assembly assembly, string tier, string? nameContains, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var outcomes = new List<SuiteOutcome>();
        try
        {
            foreach (var type in assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false }).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                var classTier = TraitOf(type, "tier");
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(IsTest).OrderBy(m => m.MetadataToken))
                {
                    if ((TraitOf(method, "tier") ?? classTier) != tier
                        || (nameContains is not null && !$"{type.FullName}.{method.Name}".Contains(nameContains, StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    foreach (var arguments in CasesOf(method))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        outcomes.Add(await RunOneAsync(type, method, arguments));
                    }
                }
            }
        }
        finally
        {
            foreach (var fixture in fixtures.Values)
            {
                await InvokeAsync(fixture, "DisposeAsync");
            }

            fixtures.Clear();
        }

        return outcomes;
    }

    private static bool IsTest(MethodInfo method) => method.GetCustomAttributes(inherit: true).Any(a => Derives(a.GetType(), Xunit + "FactAttribute"));

    private static bool Derives(Type? type, string fullName)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.FullName == fullName)
            {
                return true;
            }
        }

        return false;
    }

    private static string? TraitOf(MemberInfo member, string name) => member.GetCustomAttributesData()
        .Where(a => a.AttributeType.FullName == Xunit + "TraitAttribute" && a.ConstructorArguments.Count == 2 && Equals(a.ConstructorArguments[0].Value, name))
        .Select(a => a.ConstructorArguments[1].Value as string)
        .FirstOrDefault();

    private static List<object?[]> CasesOf(MethodInfo method)
    {
        if (method.GetParameters().Length == 0)
        {
            return [[]];
        }

        return [.. method.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == Xunit + "InlineDataAttribute")
            .Select(a => a.ConstructorArguments.Count == 1 && a.ConstructorArguments[0].Value is IReadOnlyCollection<CustomAttributeTypedArgument> values
                ? values.Select(v => v.Value).ToArray()
                : a.ConstructorArguments.Select(v => v.Value).ToArray())];
    }

    private static string? SkipOf(MethodInfo method) => method.GetCustomAttributes(inherit: true)
        .Where(a => Derives(a.GetType(), Xunit + "FactAttribute"))
        .Select(a => a.GetType().GetProperty("Skip")?.GetValue(a) as string)
        .FirstOrDefault(s => !string.IsNullOrEmpty(s));

    private static async Task InvokeAsync(object target, string methodName)
    {
        if (target.GetType().GetMethod(methodName, Type.EmptyTypes)?.Invoke(target, null) is Task task)
        {
            await task;
        }
    }

    private async Task<SuiteOutcome> RunOneAsync(Type type, MethodInfo method, object?[] arguments)
    {
        var name = arguments.Length == 0 ? $"{type.Name}.{method.Name}" : $"{type.Name}.{method.Name}({string.Join(", ", arguments)})";
        if (SkipOf(method) is { } skip)
        {
            return new SuiteOutcome(name, false, null, skip);
        }

        try
        {
            var constructor = type.GetConstructors().Single();
            var parameters = new List<object>();
            foreach (var parameter in constructor.GetParameters())
            {
                if (Fixture(parameter.ParameterType) is not { } fixture)
                {
                    return new SuiteOutcome(name, false, null, $"its fixture {parameter.ParameterType.Name} renders on its own (not from the build's sets); dotnet test runs it");
                }

                parameters.Add(fixture);
            }

            var instance = constructor.Invoke([.. parameters]);
            try
            {
                if (method.Invoke(instance, arguments.Length == 0 ? null : arguments) is Task task)
                {
                    await task;
                }
            }
            finally
            {
                (instance as IDisposable)?.Dispose();
            }

            return new SuiteOutcome(name, true, null, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            return cause.GetType().FullName == Xunit + "SkipException"
                ? new SuiteOutcome(name, false, null, cause.Message)
                : new SuiteOutcome(name, false, cause.Message, null);
        }
    }

    private object? Fixture(Type type)
    {
        if (fixtures.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var fromRendered = type.GetMethod("FromRendered", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(EnvironmentCatalog), typeof(IReadOnlyDictionary<string, RenderedSet>)]);
        if (fromRendered is null)
        {
            return null;
        }

        var fixture = fromRendered.Invoke(null, [root, catalog, sets])!;
        fixtures[type] = fixture;
        return fixture;
    }
}

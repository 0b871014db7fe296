using System.Reflection;
using FluentAssertions;
using HomeLab.Stack.Tests.Platform;

namespace HomeLab.Stack.Tests;

[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public class ComponentTagTests(RenderedEnvironments fixture)
{
    private static readonly IReadOnlySet<string> Known = typeof(Component)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name != nameof(Component.Name))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every live test of this assembly, with the component tags on it and on its class.</summary>
    private static IReadOnlyList<(string Test, IReadOnlyList<string> Tags)> LiveTests() =>
    [
        .. typeof(ComponentTagTests).Assembly.GetTypes()
            .Where(t => Traits(t, Tier.Name).Contains(Tier.Live))
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
                .Select(m => ($"{t.Name}.{m.Name}", (IReadOnlyList<string>)[.. Traits(t, Component.Name), .. Traits(m, Component.Name)]))),
    ];

    /// <summary>The values of one trait on a type or method, read from its attributes' constructor arguments.</summary>
    private static IEnumerable<string> Traits(MemberInfo member, string name) =>
        member.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == name)
            .Select(a => (string)a.ConstructorArguments[1].Value!);

    [Fact]
    public void Every_live_test_carries_at_least_one_known_component_tag()
    {
        var tests = LiveTests();

        tests.Should().NotBeEmpty("the stack has live tests");
        foreach (var (test, tags) in tests)
        {
            tags.Should().NotBeEmpty($"{test} names the components it exercises ([Trait(Component.Name, Component.X)])");
            tags.Should().OnlyContain(tag => Known.Contains(tag), $"{test}'s tags come from the Component constants");
        }
    }

    [Fact]
    public void Every_component_tag_names_an_Application_of_the_rendered_k3d_set()
    {
        var applications = Applications.In(fixture, "k3d").Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var tag in Known.Where(t => t != Component.Stack))
        {
            applications.Should().Contain(tag, $"the tag {tag} selects the live tests of the Application {tag}");
        }
    }
}

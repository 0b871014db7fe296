using HomeLab.Assertions.Trees;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Tests.Conformance;

/// <summary>
/// Each rule of kyverno-json's and Chainsaw's assertion trees, with the example their docs and tests give and
/// the outcome they state (facts re-typed here, not upstream files).
/// </summary>
public class TreeRuleConformanceTests
{
    public static TheoryData<string, string, string, bool> Rules() => new()
    {
        // kyverno-json: a plain key is a projection by name; maps match partially.
        { "plain key", "foo:\n  bar: 4\n", """{"foo":{"bar":4,"baz":1}}""", true },
        { "plain key, wrong value", "foo:\n  bar: 5\n", """{"foo":{"bar":4}}""", false },
        { "expression key", "(foo.bar): 4\n", """{"foo":{"bar":4}}""", true },
        { "nested plain key is a literal name", "foo:\n  bar.baz: 4\n", """{"foo":{"bar":{"baz":4}}}""", false },
        // kyverno-json: a missing key fails with "field not found", even when the expected value is null.
        { "null leaf, absent key", "foo: null\n", """{"bar":42}""", false },
        { "null leaf, null value", "foo: null\n", """{"foo":null}""", true },
        { "empty map means not null", "foo: {}\n", """{"foo":null}""", false },
        { "empty map on a map", "foo: {}\n", """{"foo":{}}""", true },
        // arrays: same length, element-wise partial match.
        { "array of the same length", "foos: [{a: 1}, {a: 2}]\n", """{"foos":[{"a":1,"b":0},{"a":2}]}""", true },
        { "array of another length", "foos: [1, 2]\n", """{"foos":[1,2,3]}""", false },
        // ~. iterates over an array or a map, ~name. binds the index (or key).
        { "iteration over an array", "~.(foos):\n  (@ > `0`): true\n", """{"foos":[1,2,3]}""", true },
        { "iteration fails on one element", "~.(foos):\n  (@ > `1`): true\n", """{"foos":[1,2,3]}""", false },
        { "iteration index binding", "~i.(foos):\n  (@ - $i): 10\n", """{"foos":[10,11,12]}""", true },
        { "iteration over a map binds the key", "~k.(labels):\n  ($k == 'app' || $k == 'tier'): true\n", """{"labels":{"app":"a","tier":"b"}}""", true },
        { "iteration over a plain field", "~.foos:\n  a: 1\n", """{"foos":[{"a":1},{"a":1}]}""", true },
        // escapes, also after ~name. and before ->binding.
        { "escaped key", "\\(bar)\\: 4\n", """{"(bar)":4}""", true },
        { "escaped key after ~name.", "~index.\\(test)\\:\n  (@ - $index): 10\n", """{"(test)":[10,11]}""", true },
        { "escaped key before ->", "\\(bar)\\->t:\n  ($t): 4\n", """{"(bar)":4}""", true },
        { "escaped key holding an arrow", "\\(bar)->test\\->test:\n  ($test): 6\n", """{"(bar)->test":6}""", true },
        { "escaped value", "foo: \\(x)\\\n", """{"foo":"(x)"}""", true },
        // bindings are seen by descendants only (kyverno-json docs, "binding shadow").
        { "binding shadowed in a descendant", "(bar + bat)->sum:\n  ($sum + $sum)->sum:\n    ($sum): 20\n  ($sum): 10\n", """{"bar":4,"bat":6}""", true },
        { "spaces after the arrow", "(bar)-> b:\n  ($b): 4\n", """{"bar":4}""", true },
        // a value expression's map result matches partially, like any expected map.
        { "expression map result is a subset", "tags: (`{\"Team\":\"Kyverno\"}`)\n", """{"tags":{"Team":"Kyverno","Environment":"Dev"}}""", true },
        { "expression map result with another value", "tags: (`{\"Team\":\"Other\"}`)\n", """{"tags":{"Team":"Kyverno"}}""", false },
        // Go numbers: integral results print without a fraction.
        { "to_string of an integral sum", "foo: (to_string(`1` + `2`))\n", """{"foo":"3"}""", true },
        { "Chainsaw array-assertion e2e", "~index.(containers):\n  image: (join('-', ['nginx', to_string($index + `1`)]))\n", """{"containers":[{"image":"nginx-1"},{"image":"nginx-2"}]}""", true },
        // numbers compare by value.
        { "integer equals float", "foo: 1.0\n", """{"foo":1}""", true },
        // the cel compiler: object is the current value.
        { "cel compiler key", "(cel;object.foo.bar): 4\n", """{"foo":{"bar":4}}""", true },
        { "cel compiler value", "foo: (cel;object > 3)\n", """{"foo":4}""", false },
        { "jp compiler named", "(jp;foo.bar): 4\n", """{"foo":{"bar":4}}""", true },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_tree_rule_gives_upstream_outcome(string rule, string tree, string actual, bool holds)
    {
        var result = AssertionTree.Parse(tree, rule).Evaluate(JToken.Parse(actual));
        result.IsMatch.Should().Be(holds, "{0}: {1}", rule, result);
    }

    [Theory]
    [InlineData("foo:\n  bar: ~.(`42`)\n")]
    [InlineData("foo:\n  bar: a->b\n")]
    [InlineData("foo: (unknown;x)\n")]
    public void A_value_upstream_rejects_is_a_syntax_error(string tree)
    {
        var act = () => AssertionTree.Parse(tree, "assert.yaml");
        act.Should().Throw<AssertionSyntaxException>().WithMessage("assert.yaml:*");
    }

    [Fact]
    public void An_iteration_over_nothing_is_vacuous_unless_allowed_which_is_our_difference_from_Chainsaw()
    {
        var empty = JObject.Parse("""{"items":[]}""");
        AssertionTree.Parse("~.(items): { a: 1 }\n").Evaluate(empty).Errors.Should().ContainSingle().Which.Type.Should().Be(FieldErrorType.Vacuous);
        AssertionTree.Parse("~.(items): { a: 1 }\n").Evaluate(empty, new EvaluationOptions { AllowEmptyIteration = true }).IsMatch.Should().BeTrue();
    }
}

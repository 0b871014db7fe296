using HomeLab.Assertions.Expressions;
using HomeLab.Assertions.Trees;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Tests.Conformance;

/// <summary>
/// Every function Chainsaw registers, with the example of Chainsaw's function reference (or kyverno's docs) and
/// the result they state, checked as Chainsaw users write it: <c>(expression): expected</c> in a tree.
/// </summary>
public class FunctionConformanceTests
{
    /// <summary>The 95 names Chainsaw registers: JMESPath's, kyverno-json's, kyverno's and its own.</summary>
    public static readonly string[] ChainsawNames =
    [
        "abs", "avg", "ceil", "contains", "ends_with", "floor", "join", "keys", "length", "map", "max", "max_by", "merge", "min",
        "min_by", "not_null", "reverse", "sort", "sort_by", "starts_with", "sum", "to_array", "to_number", "to_string", "type", "values",
        "find_first", "find_last", "from_items", "group_by", "items", "let", "lower", "pad_left", "pad_right", "replace", "split", "trim",
        "trim_left", "trim_right", "upper", "zip",
        "at", "concat", "json_parse", "wildcard",
        "compare", "equal_fold", "replace_all", "to_upper", "to_lower", "trim_prefix", "regex_replace_all", "regex_replace_all_literal",
        "regex_match", "pattern_match", "label_match", "add", "subtract", "multiply", "divide", "modulo", "round", "base64_decode",
        "base64_encode", "time_since", "path_canonicalize", "truncate", "semver_compare", "parse_json", "parse_yaml", "lookup",
        "object_from_lists", "random", "x509_decode", "time_to_cron", "time_add", "time_parse", "time_utc", "time_diff", "time_before",
        "time_after", "time_between", "time_truncate", "time_now", "time_now_utc",
        "env", "x_k8s_get", "x_k8s_list", "x_k8s_exists", "x_k8s_resource_exists", "x_k8s_server_version", "x_metrics_decode",
        "trim_space", "as_string",
    ];

    public static TheoryData<string, string> Examples() => new()
    {
        { "abs(`-1`)", "1" },
        { "add(`1`, `2`)", "3" },
        { "add('1Mi', '2Mi')", "3Mi" },
        { "add('1h', '2h')", "3h0m0s" },
        { "at([`10`, `15`, `20`], `1`)", "15" },
        { "avg([`10`, `15`, `20`])", "15" },
        { "ceil(`1.5`)", "2" },
        { "compare('a', 'b')", "-1" },
        { "concat('foo', 'bar')", "foobar" },
        { "contains('foobar', 'bar')", "true" },
        { "contains('foobar', `null`)", "false" },
        { "contains(['foo', 'bar'], 'bar')", "true" },
        { "divide(`1`, `2`)", "0.5" },
        { "divide('1h', '2h')", "0.5" },
        { "divide('1Mi', '2Mi')", "0.5" },
        { "ends_with('foobar', 'bar')", "true" },
        { "equal_fold('Go', 'GO')", "true" },
        { "find_first('subject string', 'string')", "8" },
        { "floor(`1.5`)", "1" },
        { "from_items([['foo', 'bar'], ['baz', 'qux']])", "{foo: bar, baz: qux}" },
        { "items({foo: 'bar', baz: 'qux'}, 'key', 'value')", "[{key: baz, value: qux}, {key: foo, value: bar}]" },
        { "items(['foo', 'bar'], 'key', 'value')", "[{key: 0, value: foo}, {key: 1, value: bar}]" },
        { "join(', ', ['a', 'b'])", "a, b" },
        { "json_parse('{\"a\": 1}').a", "1" },
        { "label_match(`{\"app\":\"foo\"}`, `{\"app\":\"foo\",\"env\":\"prod\"}`)", "true" },
        { "length('abc')", "3" },
        { "lookup({foo: 'bar'}, 'foo')", "bar" },
        { "lookup(['foo', 'bar'], `1`)", "bar" },
        { "max_by([{name: 'foo'}, {name: 'zoo'}, {name: 'bar'}], &name)", "{name: zoo}" },
        { "min_by([{name: 'foo', count: `3`}, {name: 'baz', count: `1`}], &count)", "{name: baz}" },
        { "modulo(`10`, `3`)", "1" },
        { "modulo('5Mi', '2Mi')", "1Mi" },
        { "multiply(`1`, `2`)", "2" },
        { "multiply('1Mi', `2`)", "2Mi" },
        { "multiply('1h', `2`)", "2h0m0s" },
        { "object_from_lists(['foo', 'bar'], [`1`, `2`])", "{foo: 1, bar: 2}" },
        { "object_from_lists(['a', 'b'], ['x'])", "{a: x, b: null}" },
        { "path_canonicalize('/foo/../bar')", "/bar" },
        { "pattern_match('foo*', 'foobar')", "true" },
        { "regex_replace_all('([0-9]+)', 'abc123', '<$1>')", "abc<123>" },
        { "regex_replace_all_literal('[0-9]+', 'abc123def456', '$NUM')", "abc$NUMdef$NUM" },
        { "replace('foobar', 'o', 'i', `1`)", "fiobar" },
        { "replace('foobar', 'o', 'i', `-1`)", "fiibar" },
        { "replace_all('hello world hello', 'hello', 'hi')", "hi world hi" },
        { "round(`3.14159`, `2`)", "3.14" },
        { "round(`2.5`, `0`)", "3" },
        { "split('a,b,c', ',')", "[a, b, c]" },
        { "subtract(`2`, `1`)", "1" },
        { "subtract('2Mi', '1Mi')", "1Mi" },
        { "subtract('2h', '1h')", "1h0m0s" },
        { "sum([`10`, `15`])", "25" },
        { "sum(['1Mi', '2Mi'])", "3Mi" },
        { "sum(['1h', '2h'])", "3h0m0s" },
        { "time_add('2024-01-01T00:00:00Z', '24h')", "'2024-01-02T00:00:00Z'" },
        { "time_after('2024-01-02T00:00:00Z', '2024-01-01T00:00:00Z')", "true" },
        { "time_before('2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')", "false" },
        { "time_between('2024-06-15T00:00:00Z', '2024-01-01T00:00:00Z', '2024-12-31T00:00:00Z')", "true" },
        { "time_diff('2024-01-01T00:00:00Z', '2024-01-01T01:30:00Z')", "1h30m0s" },
        { "time_parse('01/02/2006', '03/15/2024')", "'2024-03-15T00:00:00Z'" },
        { "time_since('2006-01-02', '2024-01-01', '2024-01-15')", "336h0m0s" },
        { "time_to_cron('2024-01-15T10:30:00Z')", "30 10 15 1 1" },
        { "time_truncate('2024-01-15T10:37:45Z', '1h')", "'2024-01-15T10:00:00Z'" },
        { "time_utc('2024-01-15T10:30:00+02:00')", "'2024-01-15T08:30:00Z'" },
        { "to_string(`2`)", "'2'" },
        { "to_string(`1.5`)", "'1.5'" },
        { "to_string({bar: 'bam', foo: 'baz'})", "'{\"bar\":\"bam\",\"foo\":\"baz\"}'" },
        { "to_string(`1` + `2`)", "'3'" },
        { "trim(' foobar ', 'fbr ')", "ooba" },
        { "trim_left(' foobar ', 'fbr ')", "'oobar '" },
        { "trim_prefix('foobar', 'foo')", "bar" },
        { "trim_space('  foobar ')", "foobar" },
        { "truncate('hello world', `5`)", "hello" },
        { "to_upper('abc')", "ABC" },
        { "wildcard('fooba?', 'foobar')", "true" },
        { "x_metrics_decode('up{job=\"api\"} 1').up[0].value", "1" },
        { "zip(['a', 'b'], [`1`, `2`])", "[[a, 1], [b, 2]]" },
    };

    [Fact]
    public void Every_function_Chainsaw_registers_is_there()
    {
        ChainsawNames.Except(JmesExpression.FunctionNames).Should().BeEmpty();
        ChainsawNames.Distinct().Should().HaveCount(95);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_function_gives_the_documented_result(string expression, string expected)
    {
        var tree = AssertionTree.Parse($"'({expression.Replace("'", "''", StringComparison.Ordinal)})': {expected}\n", expression);
        var result = tree.Evaluate(new JObject());
        result.IsMatch.Should().BeTrue(result.ToString());
    }

    [Theory]
    [InlineData("sum(`[]`)", "at least one element")]
    [InlineData("replace('foobar', 'oo', 'ii')", "replace")]
    [InlineData("split('a|b', '|', `3`)", "split")]
    [InlineData("add('1Mi', '1h')", "types do not match")]
    [InlineData("x_k8s_get($client, 'v1', 'Secret', 'a', 'b')", "resource source")]
    public void Kyverno_signatures_reject_what_kyverno_rejects(string expression, string message)
    {
        var act = () => JmesExpression.Parse(expression).Evaluate(new JObject(), Bindings.Empty.With("client", "offline"));
        act.Should().Throw<ExpressionException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void Random_follows_its_pattern()
    {
        var value = (string)JmesExpression.Parse("random('[a-z]{4}-[0-9]{2}')").Evaluate(null)!;
        value.Should().MatchRegex("^[a-z]{4}-[0-9]{2}$");
    }
}

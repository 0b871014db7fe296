using HomeLab.Assertions.Expressions;
using HomeLab.Assertions.Sources;
using HomeLab.Testing;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Tests.Expressions;

public class FunctionTests
{
    private static JToken Eval(string expression, JToken? input = null, ExpressionContext? context = null, Bindings? bindings = null) =>
        JmesExpression.Parse(expression).Evaluate(input ?? new JObject(), bindings, context);

    [Theory]
    [InlineData("to_number('42')", "42")]
    [InlineData("to_string(`1`)", "\"1\"")]
    [InlineData("contains('nginx:1.27', ':')", "true")]
    [InlineData("starts_with('ghcr.io/x', 'ghcr.io/')", "true")]
    [InlineData("ends_with('img:latest', ':latest')", "true")]
    [InlineData("length('abc')", "3")]
    [InlineData("regex_match('^v[0-9]+$', 'v12')", "true")]
    [InlineData("regex_match('^[0-9]+$', `123`)", "true")]
    [InlineData("base64_decode('aGVsbG8=')", "\"hello\"")]
    [InlineData("base64_encode('hello')", "\"aGVsbG8=\"")]
    [InlineData("parse_json('{\"a\": [1, 2]}').a[1]", "2")]
    [InlineData("parse_yaml('a:\n  b: 3\n').a.b", "3")]
    [InlineData("semver_compare('1.27.3', '>=1.27.0 <1.28.0')", "true")]
    [InlineData("semver_compare('1.28.0-rc.1', '>=1.28.0')", "false")]
    [InlineData("semver_compare('v2.0.0', '<1.0.0 || >=2.0.0')", "true")]
    [InlineData("trim_space('  x  ')", "\"x\"")]
    [InlineData("as_string('x')", "\"x\"")]
    [InlineData("as_string(`1`)", "null")]
    [InlineData("to_upper('a')", "\"A\"")]
    [InlineData("trim_prefix('refs/heads/main', 'refs/heads/')", "\"main\"")]
    [InlineData("lookup({\"a.b\": `1`}, 'a.b')", "1")]
    public void Chainsaw_functions_compute_what_Chainsaw_documents(string expression, string expected)
    {
        Eval(expression).ToString(Newtonsoft.Json.Formatting.None).Should().Be(expected);
    }

    [Fact]
    public void Time_since_reads_the_injected_clock_and_prints_a_Go_duration()
    {
        var time = new FakeTimeProvider();
        var context = ExpressionContext.Default with { TimeProvider = time };
        Eval("time_since('', '2024-12-31T22:58:30Z', '')", context: context).ToString().Should().Be("1h1m30s");
        Eval("time_since('', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00.25Z')").ToString().Should().Be("250ms");
    }

    [Fact]
    public void Env_reads_the_injected_environment()
    {
        var context = ExpressionContext.Default with { Environment = name => name == "CLUSTER" ? "k3d" : null };
        Eval("env('CLUSTER')", context: context).ToString().Should().Be("k3d");
        Eval("env('NOPE')", context: context).Type.Should().Be(JTokenType.Null);
    }

    [Fact]
    public void Kubernetes_functions_read_the_source_in_use()
    {
        var source = new InMemorySource();
        source.Put("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"tls","namespace":"istio-system"},"data":{"ca.crt":"eA=="}}""");
        source.Put("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"other","namespace":"istio-system"}}""");
        var context = ExpressionContext.Default with { Source = source };
        var client = Bindings.Empty.With("client", "memory");

        Eval("x_k8s_get($client, 'v1', 'Secret', 'istio-system', 'tls').data.\"ca.crt\"", context: context, bindings: client).ToString().Should().Be("eA==");
        Eval("x_k8s_exists($client, 'v1', 'Secret', 'istio-system', 'gone')", context: context, bindings: client).Value<bool>().Should().BeFalse();
        Eval("length(x_k8s_list($client, 'v1', 'Secret', 'istio-system').items)", context: context, bindings: client).Value<int>().Should().Be(2);
        Eval("x_k8s_resource_exists($client, 'v1', 'Secret')", context: context, bindings: client).Value<bool>().Should().BeTrue();
    }

    [Fact]
    public void Kubernetes_functions_without_a_source_fail_with_a_message()
    {
        var act = () => Eval("x_k8s_get(`null`, 'v1', 'Secret', 'a', 'b')");
        act.Should().Throw<ExpressionException>().WithMessage("*need a resource source*");
    }

    [Fact]
    public void Type_errors_name_the_expression()
    {
        var act = () => Eval("length(missing)");
        act.Should().Throw<ExpressionException>().WithMessage("(length(missing)):*length*");
    }

    [Fact]
    public void Let_expressions_still_work_beside_outer_bindings()
    {
        Eval("let $x = `2` in $x + $y", bindings: Bindings.Empty.With("y", 3)).Value<int>().Should().Be(5);
    }

    [Fact]
    public void One_parsed_expression_serves_many_threads_with_different_bindings()
    {
        var expression = JmesExpression.Parse("$n");
        Parallel.For(0, 200, i => expression.Evaluate(null, Bindings.Empty.With("n", i)).Value<int>().Should().Be(i));
    }
}
